import { css } from 'lit';

/** The receipt's styles: they load with the sending code (see `adoptLazyStyles`). */
export const receiptStyles = css`
  .receipt {
    display: grid;
    gap: var(--_kith-space-2);
    padding: var(--_kith-space-3);
    border: 1px solid var(--_kith-border);
    border-radius: var(--_kith-radius);
    background: var(--_kith-surface);
  }
  /* Focused when it appears (tabindex=-1): the ring keeps clear of the text. */
  .receipt h2 {
    padding: var(--_kith-space-1);
    border-radius: var(--_kith-radius);
  }
  .receipt h2:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_kith-focus-ring);
  }
  .verified {
    font-weight: 600;
    color: var(--_kith-accent);
  }
`;
