import { css } from 'lit';

export const customerCardStyles = css`
  :host {
    --kith-card-background: var(--_kith-surface);
    --kith-card-color: var(--_kith-text);
    --kith-card-border: 1px solid var(--_kith-border);
    --kith-card-radius: var(--_kith-radius);
    --kith-card-padding: var(--_kith-space-3);
    --kith-card-shadow: var(--_kith-shadow);
    --kith-card-accent: var(--_kith-accent);
    max-width: 100%;
  }

  .card {
    position: relative;
    min-width: 0;
    padding: var(--kith-card-padding);
    border: var(--kith-card-border);
    border-radius: var(--kith-card-radius);
    background: var(--kith-card-background);
    color: var(--kith-card-color);
    box-shadow: var(--kith-card-shadow);
    overflow-wrap: anywhere;
  }
  .card:focus-visible {
    outline: none;
    box-shadow: var(--_kith-focus-ring);
  }

  .name {
    display: block;
    margin: 0 0 var(--_kith-space-2);
    font-size: 1.25em;
    font-weight: 600;
    line-height: 1.3;
  }

  dl {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: var(--_kith-space-1) var(--_kith-space-3);
    margin: 0;
  }
  .row {
    display: contents;
  }
  dt {
    color: var(--_kith-muted);
  }
  dd {
    margin: 0;
  }
  .value {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .tier {
    color: var(--kith-card-accent);
    font-weight: 600;
  }
  .none {
    color: var(--_kith-muted);
  }

  .status {
    margin: 0;
  }
  .status:empty {
    display: none;
  }
  .status.error {
    color: var(--_kith-danger);
  }
  .status.muted {
    color: var(--_kith-muted);
  }
  .status.stale {
    margin-top: var(--_kith-space-2);
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  .status.locked {
    padding: var(--_kith-space-2) var(--_kith-space-3);
    border-inline-start: 4px solid var(--kith-card-accent);
    border-radius: calc(var(--kith-card-radius) / 2);
    background: var(--_kith-skeleton);
  }
  .status-title {
    display: block;
    margin-bottom: var(--_kith-space-1);
    font-weight: 600;
  }

  .retry {
    margin-top: var(--_kith-space-2);
    padding: var(--_kith-space-1) var(--_kith-space-3);
    border: 1px solid transparent;
    border-radius: var(--kith-card-radius);
    background: var(--_kith-accent);
    color: var(--_kith-on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    min-height: 44px;
    min-width: 44px;
  }
  .retry:focus-visible {
    outline: none;
    box-shadow: var(--_kith-focus-ring);
    border-color: var(--_kith-surface);
  }

  .skeleton {
    display: block;
    height: 1em;
    margin: var(--_kith-space-2) 0;
    border-radius: calc(var(--kith-card-radius) / 2);
    background: linear-gradient(90deg, var(--_kith-skeleton) 25%, var(--_kith-skeleton-shine) 50%, var(--_kith-skeleton) 75%);
    background-size: 200% 100%;
    animation: shimmer var(--_kith-duration) linear infinite;
  }
  .skeleton.title {
    width: 60%;
    height: 1.5em;
    margin-top: 0;
  }
  .skeleton.short {
    width: 40%;
  }
  @keyframes shimmer {
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
`;
