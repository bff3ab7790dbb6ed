import { css } from 'lit';

// (Comments stay out of the CSS text, which ships as written.)
// .tabs: scrolls sideways on a narrow screen rather than wrapping the tabs onto two rows.
// .tab[aria-selected='true']: a bar under the chosen tab, not colour alone.
export const feedbackInboxStyles = css`
  :host {
    --kith-feedback-inbox-radius: var(--_kith-radius);
    --kith-feedback-inbox-accent: var(--_kith-accent);
    --_kith-el-radius: var(--kith-feedback-inbox-radius);
    --_kith-el-accent: var(--kith-feedback-inbox-accent);
    display: block;
    max-width: 100%;
  }

  .inbox {
    display: block;
    min-width: 0;
    padding: var(--_kith-space-3);
    border: 1px solid var(--_kith-border);
    border-radius: var(--kith-feedback-inbox-radius);
    background: var(--_kith-surface);
    color: var(--_kith-text);
    overflow-wrap: anywhere;
  }

  .tabs {
    display: flex;
    gap: var(--_kith-space-1);
    margin-bottom: var(--_kith-space-3);
    border-bottom: 1px solid var(--_kith-border);
    overflow-x: auto;
  }
  .tab {
    flex: none;
    min-height: 44px;
    padding: 0 var(--_kith-space-2);
    border: 0;
    border-bottom: 3px solid transparent;
    background: transparent;
    color: var(--_kith-muted);
    font: inherit;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--_kith-el-accent);
    color: var(--_kith-text);
    font-weight: 600;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-2) var(--_kith-space-3);
    align-items: center;
    margin-bottom: var(--_kith-space-3);
  }
  .filters label {
    display: inline-flex;
    gap: var(--_kith-space-2);
    align-items: center;
  }
  select {
    min-height: 44px;
    max-width: 100%;
    padding: 0 var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: calc(var(--_kith-el-radius) / 2);
    background: var(--_kith-surface);
    color: var(--_kith-text);
    font: inherit;
  }
  input[type='checkbox'] {
    width: 20px;
    height: 20px;
    margin: 12px 0;
    accent-color: var(--_kith-el-accent);
  }

  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry + .entry {
    margin-top: var(--_kith-space-2);
    padding-top: var(--_kith-space-2);
    border-top: 1px solid var(--_kith-border);
  }
  .badge {
    display: inline-block;
    margin-bottom: var(--_kith-space-1);
    padding: 0 var(--_kith-space-2);
    border-radius: 999px;
    background: var(--_kith-el-accent);
    color: var(--_kith-on-accent);
    font-size: 0.875em;
    font-weight: 600;
  }
  .empty {
    margin: var(--_kith-space-2) 0;
    color: var(--_kith-muted);
  }
  .more {
    margin-top: var(--_kith-space-3);
  }
  kith-feedback-inbox-item {
    display: block;
  }
`;
