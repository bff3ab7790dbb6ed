import { css } from 'lit';

export const loyaltyBadgeStyles = css`
  :host {
    --kith-loyalty-background: var(--_kith-surface);
    --kith-loyalty-color: var(--_kith-text);
    --kith-loyalty-border: 1px solid var(--_kith-border);
    --kith-loyalty-radius: var(--_kith-radius);
    --kith-loyalty-padding: var(--_kith-space-3);
    --kith-loyalty-shadow: var(--_kith-shadow);
    --kith-loyalty-accent: var(--_kith-accent);
    --kith-loyalty-track: var(--_kith-skeleton);
    --_kith-el-radius: var(--kith-loyalty-radius);
    --_kith-el-accent: var(--kith-loyalty-accent);
    max-width: 100%;
  }
  :host([compact]) {
    display: inline-block;
    vertical-align: middle;
  }

  .badge {
    position: relative;
    min-width: 0;
    padding: var(--kith-loyalty-padding);
    border: var(--kith-loyalty-border);
    border-radius: var(--kith-loyalty-radius);
    background: var(--kith-loyalty-background);
    color: var(--kith-loyalty-color);
    box-shadow: var(--kith-loyalty-shadow);
    overflow-wrap: anywhere;
  }
  :host([compact]) .badge {
    padding: var(--_kith-space-1) var(--_kith-space-2);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kith-space-1) var(--_kith-space-2);
  }
  .emblem {
    --_emblem: #b87333;
    display: inline-flex;
    flex: none;
    width: 2em;
    height: 2em;
    color: var(--kith-loyalty-emblem-color, var(--_emblem));
  }
  :host([compact]) .emblem {
    width: 1.25em;
    height: 1.25em;
  }
  .emblem[data-rank='1'] {
    --_emblem: #9aa4ae;
  }
  .emblem[data-rank='2'] {
    --_emblem: #d4a017;
  }
  .emblem[data-rank='3'] {
    --_emblem: #7f9cb8;
  }
  .emblem svg {
    width: 100%;
    height: 100%;
  }
  .disc {
    fill: currentColor;
  }
  .star {
    fill: #ffffff;
  }
  .tier {
    color: var(--kith-loyalty-accent);
    font-size: 1.125em;
    font-weight: 600;
  }
  :host([compact]) .tier {
    font-size: 1em;
  }
  .tier.none {
    color: var(--_kith-muted);
  }
  .balance {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  :host([compact]) .balance {
    margin-inline-start: 0;
    font-weight: 400;
  }

  p {
    margin: var(--_kith-space-1) 0 0;
  }
  .muted {
    color: var(--_kith-muted);
  }
  .error {
    color: var(--_kith-danger);
  }
  .small {
    font-size: 0.875em;
  }
  .sign-in {
    color: var(--_kith-muted);
  }

  :host([compact]) .skeleton.title {
    width: 8em;
    height: 1.25em;
    margin: 0;
  }
  @media (forced-colors: active) {
    .disc {
      fill: CanvasText;
    }
    .star {
      fill: Canvas;
    }
  }
`;
