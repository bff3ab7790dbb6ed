import { css } from 'lit';

// The entries sit in the badge's shadow root: its tokens and reset text styles are inherited.
export const loyaltyLedgerStyles = css`
  :host {
    display: block;
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 var(--_kith-space-2);
    padding: var(--_kith-space-1) 0;
    border-bottom: 1px solid var(--_kith-border);
  }
  .points {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    text-align: end;
  }
  time,
  .note,
  p {
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  .note {
    grid-column: 1 / -1;
  }
  p {
    margin: var(--_kith-space-1) 0 0;
  }
  .error {
    color: var(--_kith-danger);
  }
  .button {
    margin-top: var(--_kith-space-2);
  }
`;
