import { css } from 'lit';

// The details' own styles, adopted into the card's shadow root when the details load: a compact
// card never carries them.
export const customerDetailsStyles = css`
  dt {
    color: var(--_kith-muted);
  }
  .tags,
  .contacts {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-1);
  }
  .tag {
    display: inline-flex;
    align-items: baseline;
    max-width: 100%;
    padding: 2px var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: 999px;
    font-size: 0.875em;
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

  @media (forced-colors: active) {
    .tag,
    .track {
      border-color: CanvasText;
    }
    .fill {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
