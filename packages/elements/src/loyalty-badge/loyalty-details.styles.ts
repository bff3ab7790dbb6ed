import { css } from 'lit';

// The full badge's own styles (progress, expiry, benefits, the recent-points disclosure), adopted
// into the badge's shadow root when its details load: a compact badge never carries them.
export const loyaltyDetailsStyles = css`
  .progress {
    margin: var(--_kith-space-3) 0 0;
  }
  .track {
    height: 8px;
    overflow: hidden;
    border: 1px solid var(--_kith-border);
    border-radius: 999px;
    background: var(--kith-loyalty-track);
  }
  .fill {
    display: block;
    width: calc(var(--_fraction, 0) * 100%);
    height: 100%;
    background: var(--kith-loyalty-accent);
    transition: width var(--_kith-duration) ease-out;
  }
  .to-next {
    display: block;
    margin-top: var(--_kith-space-1);
    font-size: 0.875em;
  }
  .progress.top,
  .expiry {
    font-size: 0.875em;
  }
  .expiry {
    margin: var(--_kith-space-1) 0 0;
    color: var(--_kith-muted);
  }

  .benefits {
    margin: var(--_kith-space-2) 0 0;
    padding-inline-start: 1.25em;
  }

  .toggle {
    display: flex;
    align-items: center;
    gap: var(--_kith-space-2);
    width: 100%;
    min-height: 44px;
    margin-top: var(--_kith-space-2);
    padding: 0 var(--_kith-space-1);
    border: 0;
    border-top: 1px solid var(--_kith-border);
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .toggle::before {
    content: '';
    width: 0.5em;
    height: 0.5em;
    border-inline-end: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
    transition: transform var(--_kith-duration) ease;
  }
  .toggle[aria-expanded='true']::before {
    transform: rotate(45deg);
  }
  .ledger[hidden] {
    display: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .fill,
    .toggle::before {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .track {
      border-color: CanvasText;
    }
    .fill {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
