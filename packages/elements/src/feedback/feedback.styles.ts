import { css } from 'lit';
import { formStyles } from '../styles/form.js';
import { hostReset, tokens } from '../styles/tokens.js';

// Notes on the rules below (kept out of the CSS text, which ships as written):
// - Also outside the form (a form that is not set up): on the surface, never on the page's colours.
// - Each star is a radio's label, 44 px; the radio itself is visually hidden but focusable.
// - Long words and pasted URLs wrap instead of widening the page.
// - The honeypot: out of sight and reach for people; bots that fill every field fill it.
export const feedbackStyles = [
  tokens,
  hostReset,
  formStyles,
  css`
    form {
      --_kith-el-radius: var(--_kith-radius);
      display: grid;
      gap: var(--_kith-space-3);
      padding: var(--_kith-space-3);
      border: 1px solid var(--_kith-border);
      border-radius: var(--_kith-radius);
      background: var(--_kith-surface);
    }
    h2,
    p {
      margin: 0;
    }
    h2 {
      font-size: 1.25em;
    }
    .notice {
      background: var(--_kith-surface);
      padding-inline-start: var(--_kith-space-2);
      border-inline-start: 4px solid var(--_kith-accent);
    }
    .stars {
      display: flex;
    }
    .star {
      min-width: 44px;
      min-height: 44px;
      font-size: 1.75em;
      line-height: 44px;
      text-align: center;
      color: var(--_kith-muted);
      cursor: pointer;
    }
    .chosen {
      color: var(--kith-star-color, #b7791f);
    }
    input:focus-visible + .star,
    button:focus-visible {
      outline: 2px solid transparent;
      box-shadow: var(--_kith-focus-ring);
    }
    textarea {
      padding-block: var(--_kith-space-2);
    }
    .kith-root * {
      overflow-wrap: anywhere;
    }
    .trap {
      position: absolute;
      left: -9999px;
    }
    button {
      justify-self: start;
      min-height: 44px;
      padding: 0 var(--_kith-space-3);
      border: 0;
      border-radius: var(--_kith-radius);
      background: var(--_kith-accent);
      color: var(--_kith-on-accent);
      font: inherit;
    }
    [aria-disabled='true'] {
      opacity: 0.7;
    }
    @media (forced-colors: active) {
      .chosen {
        color: Highlight;
      }
    }
  `,
];
