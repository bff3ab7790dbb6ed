import { css } from 'lit';

// Notes on the rules below (kept out of the CSS text, which ships as written):
// - The contact choice is two radios side by side, each a 44 px target; they wrap at 360 px if a
//   language's labels are long.
// - The promise is part of the form's message to the shopper: in the text's colour, not muted.
// - "Write another complaint" and "Refresh" are quieter than Send.
// - The shop's answer keeps its line breaks, and a long word or URL wraps inside 360 px.

/** The complaint form's styles, on top of the form's (loaded with the complaint's chunk, see `adoptLazyStyles`). */
export const complaintStyles = css`
  .promise {
    font-weight: 600;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-1) var(--_kith-space-3);
    margin-block: var(--_kith-space-1) var(--_kith-space-2);
  }
  .choices label {
    display: inline-flex;
    align-items: center;
    gap: var(--_kith-space-1);
    min-height: 44px;
    cursor: pointer;
  }
  .choices input {
    min-height: auto;
    width: 20px;
    height: 20px;
    margin: 0;
    accent-color: var(--_kith-accent);
  }
  .contact {
    display: grid;
    gap: var(--_kith-space-3);
  }
  .complaint-status strong {
    font-weight: 600;
  }
  .answer {
    margin: var(--_kith-space-2) 0;
  }
  .answer figcaption {
    font-weight: 600;
  }
  .answer blockquote {
    margin: var(--_kith-space-1) 0 0;
    padding-inline-start: var(--_kith-space-2);
    border-inline-start: 3px solid var(--_kith-border);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  button.quiet {
    border: 1px solid var(--_kith-border);
    background: transparent;
    color: var(--_kith-text);
  }
`;
