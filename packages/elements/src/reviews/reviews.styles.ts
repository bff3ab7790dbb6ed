import { css } from 'lit';

export const reviewsStyles = css`
  :host {
    --kith-reviews-background: var(--_kith-surface);
    --kith-reviews-color: var(--_kith-text);
    --kith-reviews-border: 1px solid var(--_kith-border);
    --kith-reviews-radius: var(--_kith-radius);
    --kith-reviews-padding: var(--_kith-space-3);
    --kith-reviews-accent: var(--_kith-accent);
    --kith-reviews-track: var(--_kith-skeleton);
    --_kith-star: var(--kith-reviews-star, #b25e00);
    --_kith-el-radius: var(--kith-reviews-radius);
    --_kith-el-accent: var(--kith-reviews-accent);
    max-width: 100%;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light']):not([data-kith-theme='light'])) {
      --_kith-star: var(--kith-reviews-star, #f0b429);
    }
  }
  :host([theme='dark']),
  :host([data-kith-theme='dark']) {
    --_kith-star: var(--kith-reviews-star, #f0b429);
  }

  .reviews {
    min-width: 0;
    padding: var(--kith-reviews-padding);
    border: var(--kith-reviews-border);
    border-radius: var(--kith-reviews-radius);
    background: var(--kith-reviews-background);
    color: var(--kith-reviews-color);
    overflow-wrap: anywhere;
  }
  .heading {
    margin: 0 0 var(--_kith-space-2);
    font-size: 1.25em;
    line-height: 1.3;
  }

  /* Stars: five glyphs in the track's colour, the filled ones laid over them up to the value (see reviews-stars.ts). */
  .stars {
    position: relative;
    display: inline-block;
    flex: none;
    color: var(--kith-reviews-track);
    letter-spacing: 0.1em;
    line-height: 1;
    white-space: nowrap;
  }
  .stars::before,
  .stars-fill::before {
    content: '★★★★★';
  }
  .stars-fill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    width: calc(var(--fill, 0) * 100%);
    overflow: hidden;
    color: var(--_kith-star);
  }

  .average {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kith-space-2);
    margin: 0 0 var(--_kith-space-2);
  }
  .average .stars {
    font-size: 1.25em;
  }
  .average-value {
    font-size: 1.25em;
    font-weight: 700;
  }
  .count {
    color: var(--_kith-muted);
  }

  .distribution {
    display: grid;
    gap: var(--_kith-space-1);
    margin: 0 0 var(--_kith-space-3);
    padding: 0;
    list-style: none;
  }
  .bar {
    display: grid;
    grid-template-columns: 4.5em minmax(0, 1fr) 3em;
    align-items: center;
    gap: var(--_kith-space-2);
    width: 100%;
    min-height: 44px;
    padding: 0 var(--_kith-space-2);
    border: 1px solid transparent;
    border-radius: var(--_kith-el-radius);
    background: transparent;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .bar:hover {
    border-color: var(--_kith-border);
  }
  .bar[aria-pressed='true'] {
    border-color: var(--kith-reviews-accent);
    font-weight: 600;
  }
  .track {
    display: block;
    height: 0.6em;
    overflow: hidden;
    border-radius: 999px;
    background: var(--kith-reviews-track);
  }
  .fill {
    display: block;
    width: calc(var(--fill, 0) * 100%);
    height: 100%;
    background: var(--kith-reviews-accent);
  }
  .bar-count {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .empty {
    margin: var(--_kith-space-2) 0;
    color: var(--_kith-muted);
  }
  .all {
    margin: var(--_kith-space-3) 0 0;
  }
  .all-link {
    color: var(--kith-reviews-accent);
  }

  @media (forced-colors: active) {
    .stars-fill,
    .fill {
      forced-color-adjust: none;
      color: CanvasText;
      background: CanvasText;
    }
    .stars-fill {
      background: none;
    }
  }
`;
