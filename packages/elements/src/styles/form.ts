import { css } from 'lit';

/**
 * The fields of Kith's forms (the card's editor, the timeline's note and call form): labelled
 * fields, inputs, selects and text areas, their focus ring and invalid state, hints and messages.
 * Only lazy chunks use it (rollup keeps it out of the runtime), so it loads with the first form.
 */
export const formStyles = css`
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    color: var(--_kith-muted);
  }
  .field {
    display: grid;
    gap: var(--_kith-space-1);
  }
  input,
  select,
  textarea {
    min-height: 44px;
    padding: 0 var(--_kith-space-2);
    border: 1px solid var(--_kith-muted);
    border-radius: calc(var(--_kith-el-radius) / 2);
    background: var(--_kith-surface);
    color: var(--_kith-text);
    font: inherit;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_kith-focus-ring);
  }
  [aria-invalid='true'] {
    border-color: var(--_kith-danger);
  }
  .hint,
  .message {
    margin: 0;
    font-size: 0.875em;
    color: var(--_kith-muted);
  }
  .message:empty {
    display: none;
  }
  .error {
    color: var(--_kith-danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-2);
  }
  @media (forced-colors: active) {
    input,
    select,
    textarea {
      border-color: CanvasText;
    }
  }
`;
