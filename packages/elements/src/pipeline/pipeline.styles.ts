import { css } from 'lit';

// (Comments stay out of the CSS text, which ships as written.)
// .cards: the virtual window sets the list's padding and measures each item, so no gap, no margin.
export const pipelineStyles = css`
  :host {
    --kith-pipeline-radius: var(--_kith-radius);
    --kith-pipeline-accent: var(--_kith-accent);
    --_kith-el-radius: var(--kith-pipeline-radius);
    --_kith-el-accent: var(--kith-pipeline-accent);
    display: block;
    max-width: 100%;
  }

  .pipeline {
    min-width: 0;
    padding: var(--_kith-space-3);
    border: 1px solid var(--_kith-border);
    border-radius: var(--kith-pipeline-radius);
    background: var(--_kith-surface);
    overflow-wrap: anywhere;
  }
  .title {
    margin: 0 0 var(--_kith-space-2);
    font-size: 1.25em;
  }

  .board {
    display: flex;
    gap: var(--_kith-space-2);
    margin-top: var(--_kith-space-2);
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scroll-padding: 0 var(--_kith-space-1);
    padding-bottom: var(--_kith-space-1);
  }
  .column {
    display: flex;
    flex: none;
    flex-direction: column;
    width: var(--kith-pipeline-column-width, 272px);
    max-width: calc(100% - var(--_kith-space-4));
    border-top: 4px solid var(--_kith-border);
    border-radius: calc(var(--kith-pipeline-radius) / 2);
    background: var(--_kith-skeleton);
    scroll-snap-align: start;
  }
  .column.won {
    border-top-color: var(--kith-pipeline-accent);
  }
  .column.lost {
    border-top-style: dashed;
    border-top-color: var(--_kith-muted);
  }
  .column-head {
    padding: var(--_kith-space-2);
  }
  .stage {
    margin: 0;
    font-size: 1em;
  }
  .kind {
    padding: 0 var(--_kith-space-1);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.75em;
    font-weight: 400;
  }
  .totals {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 var(--_kith-space-2);
    margin: var(--_kith-space-1) 0 0;
    font-size: 0.875em;
    line-height: 1.4;
  }
  .totals > div {
    display: contents;
  }
  dt {
    color: var(--_kith-muted);
  }
  dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    text-align: end;
  }
  .scroller {
    max-height: var(--kith-pipeline-column-height, 560px);
    overflow-y: auto;
    overscroll-behavior-y: contain;
  }
  .cards {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .slot {
    padding: 0 var(--_kith-space-2) var(--_kith-space-2);
  }
  .card {
    display: grid;
    align-items: start;
    gap: 0 var(--_kith-space-1);
    padding: var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: calc(var(--kith-pipeline-radius) / 2);
    background: var(--_kith-surface);
  }
  .deal {
    min-height: 24px;
    padding: 0;
    border: 0;
    border-radius: 2px;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
  }
  .amount {
    font-variant-numeric: tabular-nums;
  }
  .close,
  .none {
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  .none {
    margin: 0;
    padding: 0 var(--_kith-space-2) var(--_kith-space-2);
  }
  .skeleton.card-skeleton {
    height: 4em;
    margin: var(--_kith-space-2);
  }
  .column > .skeleton.title {
    margin: var(--_kith-space-2);
  }

  @media (forced-colors: active) {
    .column,
    .card {
      border: 1px solid CanvasText;
    }
  }
`;
