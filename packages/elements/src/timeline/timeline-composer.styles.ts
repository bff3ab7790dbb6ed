import { css } from 'lit';

/** The form's styles: they come with its chunk. */
export const timelineComposerStyles = css`
  :host {
    display: block;
  }
  .composer {
    display: grid;
    gap: var(--_kith-space-2);
    margin-bottom: var(--_kith-space-3);
    padding: var(--_kith-space-3);
    border: 1px solid var(--_kith-border);
    border-radius: calc(var(--_kith-el-radius) / 2);
  }
  .title {
    margin: 0;
    font-size: 1em;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-1) var(--_kith-space-3);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_kith-space-1);
    min-height: 44px;
  }
  .field {
    color: var(--_kith-muted);
  }
  input:not([type='radio']),
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
  }
  textarea {
    padding: var(--_kith-space-1) var(--_kith-space-2);
    resize: vertical;
  }
`;
