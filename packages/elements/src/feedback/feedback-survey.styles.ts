import { css } from 'lit';

// Notes on the rules below (kept out of the CSS text, which ships as written):
// - The scale is one row at 360 px: NPS's eleven scores share the width (at least 24 px each,
//   WCAG 2.2's target size), 44 px tall; each is a radio's label, the radio visually hidden but focusable.
// - The ends' names sit under the first and the last score; screen readers hear them in those
//   scores' names instead (the row is aria-hidden).
// - The question is what the survey is about: in the text's colour, not the muted one of other legends.
// - "Not now" is quieter than Send: the page's accent marks the answer, not the way out.

/** The survey's styles, on top of the form's (loaded with the survey's chunk, see `adoptLazyStyles`). */
export const surveyStyles = css`
  .survey-question {
    color: var(--_kith-text);
    font-weight: 600;
  }
  .scale {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(24px, 1fr);
    gap: var(--_kith-space-1);
    margin-top: var(--_kith-space-2);
  }
  .score {
    min-height: 44px;
    line-height: 44px;
    text-align: center;
    border: 1px solid var(--_kith-border);
    border-radius: calc(var(--_kith-radius) / 2);
    background: var(--_kith-surface);
    color: var(--_kith-text);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .score.chosen {
    border-color: var(--_kith-accent);
    background: var(--_kith-accent);
    color: var(--_kith-on-accent);
    font-weight: 600;
  }
  input:focus-visible + .score {
    outline: 2px solid transparent;
    box-shadow: var(--_kith-focus-ring);
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_kith-space-2);
    margin-top: var(--_kith-space-1);
    font-size: 0.875em;
    color: var(--_kith-muted);
  }
  .ends span:last-child {
    text-align: end;
  }
  button.quiet {
    border: 1px solid var(--_kith-border);
    background: transparent;
    color: var(--_kith-text);
  }
  .survey-state {
    padding: var(--_kith-space-3);
    border: 1px solid var(--_kith-border);
    border-radius: var(--_kith-radius);
    background: var(--_kith-surface);
  }
  @media (forced-colors: active) {
    .score.chosen {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
