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
  .muted,
  dt {
    color: var(--_kith-muted);
  }

  .chips,
  .tags,
  .contacts {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chips,
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-1);
  }
  .chips {
    margin-bottom: var(--_kith-space-2);
  }
  .chip,
  .tag {
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

  .facts {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: var(--_kith-space-2) var(--_kith-space-3);
    margin: 0;
  }
  .row {
    display: contents;
  }
  dd {
    margin: 0;
    min-width: 0;
  }
  .contacts li + li {
    margin-top: 2px;
  }
  .contacts a {
    color: var(--kith-card-accent);
    border-radius: 2px;
  }
  .preferred {
    color: var(--_kith-muted);
    font-size: 0.875em;
  }

  .credit {
    display: grid;
    gap: var(--_kith-space-1);
  }
  .track {
    display: block;
    height: 8px;
    overflow: hidden;
    border: 1px solid var(--_kith-border);
    border-radius: 999px;
    background: var(--_kith-skeleton);
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--kith-card-accent);
  }
  .fill.over,
  .warning {
    color: var(--kith-card-warning);
    background-color: transparent;
  }
  .fill.over {
    background: var(--kith-card-warning);
  }

  .edit {
    margin-top: var(--_kith-space-1);
    min-height: 32px;
    padding: 0 var(--_kith-space-2);
    font-size: 0.875em;
    font-weight: 400;
  }
  /* 32px tall, but a 44px target (WCAG 2.5.5) through the invisible margin box of the hit area. */
  .edit::after {
    content: '';
    position: absolute;
    inset: -6px 0;
  }
  .edit {
    position: relative;
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
    .chip,
    .tag,
    .track {
      border-color: CanvasText;
    }
    .fill {
      forced-color-adjust: none;
      background: Highlight;
    }
    .churn {
      border-color: CanvasText;
    }
  }
`;
