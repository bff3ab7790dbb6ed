import { css, unsafeCSS } from 'lit';

/**
 * Kith's design tokens. A page themes every element by setting the public `--kith-*`
 * properties (on `:root`, a container or the element). Each element resolves them into
 * private `--_kith-*` properties on its `:host`, with light and dark defaults:
 * dark follows `prefers-color-scheme`, or `theme="dark"` / `data-kith-theme="dark"` on
 * the element (an ancestor's `data-kith-theme` is mirrored onto it when it connects).
 */
const COLOURS: Record<string, readonly [light: string, dark: string]> = {
  surface: ['#ffffff', '#1c2128'],
  text: ['#1f2328', '#e6edf3'],
  muted: ['#59636e', '#9ea7b3'],
  border: ['#d1d9e0', '#3d444d'],
  accent: ['#0a58ca', '#6cb6ff'],
  'on-accent': ['#ffffff', '#0d1117'],
  danger: ['#b42318', '#ff8182'],
  skeleton: ['#e6e9ed', '#2d333b'],
  'skeleton-shine': ['#f4f6f8', '#373e47'],
};

const scheme = (index: 0 | 1) =>
  unsafeCSS(
    Object.entries(COLOURS)
      .map(([name, values]) => `--_kith-${name}: var(--kith-color-${name}, ${values[index]});`)
      .join('\n'),
  );

// Sizes are px, not rem: a page's \`html { font-size }\` (62.5 % tricks, or hostile values) must not
// resize Kith; browser zoom still scales px. A page sizes Kith with --kith-font-size and --kith-space-*.
export const tokens = css`
  :host {
    ${scheme(0)}
    --_kith-radius: var(--kith-radius, 8px);
    --_kith-space-1: var(--kith-space-1, 4px);
    --_kith-space-2: var(--kith-space-2, 8px);
    --_kith-space-3: var(--kith-space-3, 16px);
    --_kith-space-4: var(--kith-space-4, 24px);
    --_kith-font-family: var(--kith-font-family, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', sans-serif);
    --_kith-font-size: var(--kith-font-size, 16px);
    --_kith-focus-ring: var(--kith-focus-ring, 0 0 0 3px var(--_kith-accent));
    --_kith-shadow: var(--kith-shadow, 0 1px 3px rgb(0 0 0 / 0.12));
    --_kith-duration: var(--kith-duration, 1.2s);
    color-scheme: light;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light']):not([data-kith-theme='light'])) {
      ${scheme(1)}
      color-scheme: dark;
    }
  }

  :host([theme='dark']),
  :host([data-kith-theme='dark']) {
    ${scheme(1)}
    color-scheme: dark;
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_kith-duration: 0s;
    }
  }
`;

/**
 * Resets for a host: inherited page styles (font, colour, line height, text transform,
 * letter spacing…) stop at the element; custom properties (the tokens) still inherit.
 */
export const hostReset = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--_kith-font-family);
    font-size: var(--_kith-font-size);
    line-height: 1.5;
    color: var(--_kith-text);
  }
  :host([hidden]) {
    display: none;
  }
  :host([dir='rtl']) .kith-root {
    direction: rtl;
  }
  /* The element's root box: styles a page sets on the host element itself (text-transform,
     letter-spacing, font-size…) would be inherited from there; they stop here too. */
  .kith-root {
    all: initial;
    /* \`all\` leaves direction and unicode-bidi alone: Kith's texts are laid out left to right
       unless the element itself carries dir="rtl". */
    direction: ltr;
    unicode-bidi: isolate;
    display: block;
    box-sizing: border-box;
    font-family: var(--_kith-font-family);
    font-size: var(--_kith-font-size);
    line-height: 1.5;
    color: var(--_kith-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
