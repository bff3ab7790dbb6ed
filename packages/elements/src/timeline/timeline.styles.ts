import { css } from 'lit';

// (Comments stay out of the CSS text, which ships as written.)
// :host and .timeline: display and colour come from hostReset (a section is a block already).
// .scroller: the feed scrolls on its own; only the items near the view are rendered (see VirtualWindow).
// .item:focus-visible: an inset ring, as the item is inside the scroller, which would clip an outer one.
// .actions-reserved: the row of "Add note" and "Log call" (a button's min-height and the margin of
//   the writes chunk's .actions) kept while that chunk loads, so the feed does not jump down when it arrives.
export const timelineStyles = css`
  :host {
    --kith-timeline-radius: var(--_kith-radius);
    --kith-timeline-accent: var(--_kith-accent);
    --_kith-el-radius: var(--kith-timeline-radius);
    --_kith-el-accent: var(--kith-timeline-accent);
    max-width: 100%;
  }

  .timeline {
    min-width: 0;
    padding: var(--_kith-space-3);
    border: 1px solid var(--_kith-border);
    border-radius: var(--kith-timeline-radius);
    background: var(--_kith-surface);
    overflow-wrap: anywhere;
  }

  .actions-reserved {
    min-height: 44px;
    margin-bottom: var(--_kith-space-2);
  }

  .scroller {
    max-height: var(--kith-timeline-max-height, 40rem);
    overflow-y: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
  }

  .month,
  .day {
    margin: var(--_kith-space-2) 0 var(--_kith-space-1);
    font-weight: 600;
  }
  .month {
    font-size: 1.125em;
  }
  .day {
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  .item {
    display: block;
    padding: var(--_kith-space-2);
    border-radius: calc(var(--kith-timeline-radius) / 2);
  }
  .row {
    display: flex;
    gap: var(--_kith-space-2);
  }
  .item + .item {
    border-top: 1px solid var(--_kith-border);
  }
  .item:focus-visible {
    box-shadow: inset var(--_kith-focus-ring);
  }
  .icon {
    flex: none;
    width: 1.5em;
    text-align: center;
    color: var(--kith-timeline-accent);
  }
  .content {
    flex: 1;
    min-width: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_kith-space-1) var(--_kith-space-2);
  }
  .line {
    font-weight: 600;
  }
  .phase {
    padding: 0 var(--_kith-space-1);
    border: 1px solid var(--_kith-border);
    border-radius: 999px;
    font-size: 0.75em;
  }
  time {
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  .summary,
  .body {
    margin: var(--_kith-space-1) 0 0;
  }
  .body {
    display: -webkit-box;
    overflow: hidden;
    color: var(--_kith-muted);
    font-size: 0.875em;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
  }

  .foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_kith-space-2);
    margin-top: var(--_kith-space-3);
  }
  .foot .count {
    color: var(--_kith-muted);
  }
  .empty {
    margin: 0 0 var(--_kith-space-2);
  }

`;
