import { css } from 'lit';

// Stars are drawn with CSS only (no image, no SVG): each one a box clipped to a star's outline.
// A filled row lies over an empty one and is clipped to the average (4.3 → 86 % of the row).
// The root has the theme's surface behind it, so the muted count keeps its contrast in dark mode
// on any page (a page whose tiles are themed already sets --kith-rating-background: transparent).
// Kept short: every tile of a listing page pays for these bytes before it shows.
export const ratingStyles = css`
  :host {
    --kith-rating-star-color: #b45309;
    --kith-rating-track-color: color-mix(in srgb, var(--_kith-muted) 45%, transparent);
    --kith-rating-size: 1em;
    --kith-rating-color: var(--_kith-muted);
    --kith-rating-background: var(--_kith-surface);
    display: inline-block;
    vertical-align: middle;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light']):not([data-kith-theme='light'])) {
      --kith-rating-star-color: #f5b841;
    }
  }
  :host([theme='dark']),
  :host([data-kith-theme='dark']) {
    --kith-rating-star-color: #f5b841;
  }
  .kith-root {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    background: var(--kith-rating-background);
    color: var(--kith-rating-color);
    line-height: 1;
  }
  .empty,
  .count {
    font-size: 0.875em;
  }
  .stars {
    position: relative;
  }
  .row {
    display: flex;
  }
  .fill {
    position: absolute;
    inset: 0;
    clip-path: inset(0 calc(100% - var(--_kith-rating-fill, 0) * 100%) 0 0);
  }
  :host([dir='rtl']) .fill {
    clip-path: inset(0 0 0 calc(100% - var(--_kith-rating-fill, 0) * 100%));
  }
  .star {
    width: var(--kith-rating-size);
    height: var(--kith-rating-size);
    background: var(--kith-rating-track-color);
    clip-path: polygon(50% 4%, 62% 37%, 97% 38%, 69% 59%, 79% 93%, 50% 73%, 21% 93%, 31% 59%, 3% 38%, 38% 37%);
  }
  .fill .star {
    background: var(--kith-rating-star-color);
  }
  .loading .star {
    animation: pulse var(--_kith-duration) ease-in-out infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.4;
    }
  }
  @media (forced-colors: active) {
    .star {
      forced-color-adjust: none;
      background: GrayText;
    }
    .fill .star {
      background: CanvasText;
    }
  }
`;
