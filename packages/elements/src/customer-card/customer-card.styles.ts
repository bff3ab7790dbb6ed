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
    --kith-card-warning: var(--_kith-danger);
    --_kith-el-radius: var(--kith-card-radius);
    --_kith-el-accent: var(--kith-card-accent);
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

  .head {
    display: flex;
    align-items: center;
    gap: var(--_kith-space-3);
    margin-bottom: var(--_kith-space-2);
  }
  .avatar {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 48px;
    height: 48px;
    overflow: hidden;
    border-radius: 50%;
    background: var(--kith-card-accent);
    color: var(--_kith-on-accent);
    font-weight: 600;
    line-height: 1;
  }
  :host([compact]) .avatar {
    width: 36px;
    height: 36px;
  }
  ::slotted([slot='avatar']) {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .who {
    display: grid;
    min-width: 0;
  }
  .name {
    font-size: 1.25em;
    font-weight: 600;
    line-height: 1.3;
  }
  :host([compact]) .name {
    font-size: 1em;
  }
  .company,
  .muted {
    color: var(--_kith-muted);
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chips {
    margin-bottom: var(--_kith-space-2);
  }
  .chip {
    display: inline-flex;
    align-items: baseline;
    gap: var(--_kith-space-1);
    max-width: 100%;
    padding: 2px var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: 999px;
    font-size: 0.875em;
  }
  .chip-label {
    color: var(--_kith-muted);
  }
  .chip.key,
  .chip.tier {
    border-color: var(--kith-card-accent);
    color: var(--kith-card-accent);
    font-weight: 600;
  }
  .value {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  .churn {
    display: grid;
    gap: 2px;
    margin: 0 0 var(--_kith-space-2);
    padding: var(--_kith-space-2) var(--_kith-space-3);
    border-inline-start: 4px solid var(--kith-card-warning);
    border-radius: calc(var(--kith-card-radius) / 2);
    background: var(--_kith-skeleton);
  }
  .churn.high strong {
    color: var(--kith-card-warning);
  }

  .actions:has(slot:not(:empty)) {
    margin-top: var(--_kith-space-3);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-2);
  }

  @media (forced-colors: active) {
    .avatar {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
    .chip {
      border-color: CanvasText;
    }
    .churn {
      border-color: CanvasText;
    }
  }
`;
