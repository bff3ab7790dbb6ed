import { css } from 'lit';

// Pieces every element draws the same way. Each element maps its own public properties onto two
// private ones on its :host — `--_kith-el-radius` and `--_kith-el-accent` — so a page restyles a
// card without touching a badge, and these rules are written once.

/** Buttons (`.button`, `.button.quiet`) and the focus ring of every focusable piece (`.focusable`). */
export const controlStyles = css`
  .button {
    min-width: 44px;
    min-height: 44px;
    padding: 0 var(--_kith-space-3);
    border: 1px solid transparent;
    border-radius: var(--_kith-el-radius);
    background: var(--_kith-el-accent);
    color: var(--_kith-on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .button.quiet {
    border-color: var(--_kith-border);
    background: transparent;
    color: var(--_kith-text);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .button:focus-visible,
  .focusable:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_kith-focus-ring);
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
`;

/** The status line of every data state, its heading, and the loading placeholders. */
export const stateStyles = css`
  .status {
    margin: 0;
  }
  .status:empty {
    display: none;
  }
  .status.error {
    color: var(--_kith-danger);
  }
  .status.muted,
  .status.stale {
    color: var(--_kith-muted);
  }
  .status.stale {
    margin-top: var(--_kith-space-2);
    font-size: 0.875em;
  }
  .status.locked {
    padding: var(--_kith-space-2) var(--_kith-space-3);
    border-inline-start: 4px solid var(--_kith-el-accent);
    border-radius: calc(var(--_kith-el-radius) / 2);
    background: var(--_kith-skeleton);
  }
  .status-title {
    display: block;
    margin-bottom: var(--_kith-space-1);
    font-weight: 600;
  }
  .retry {
    margin-top: var(--_kith-space-2);
  }

  .skeleton {
    display: block;
    height: 1em;
    margin: var(--_kith-space-2) 0;
    border-radius: calc(var(--_kith-el-radius) / 2);
    background: linear-gradient(90deg, var(--_kith-skeleton) 25%, var(--_kith-skeleton-shine) 50%, var(--_kith-skeleton) 75%);
    background-size: 200% 100%;
    animation: kith-shimmer var(--_kith-duration) linear infinite;
  }
  .skeleton.title {
    width: 60%;
    height: 1.5em;
    margin-top: 0;
  }
  .skeleton.short {
    width: 40%;
  }
  @keyframes kith-shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .skeleton {
      forced-color-adjust: none;
      background: GrayText;
    }
  }
`;
