import { css } from 'lit';

export const customerEditorStyles = css`
  :host {
    display: block;
  }
  .editor {
    display: grid;
    gap: var(--_kith-space-2);
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-1);
    margin: var(--_kith-space-1) 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--_kith-space-1);
    max-width: 100%;
    padding: 0 0 0 var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: 999px;
    overflow-wrap: anywhere;
  }
  .remove {
    min-width: 32px;
    min-height: 32px;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  /* The card's row already says "Tags": the legend names the group for assistive technology only. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .conflict {
    padding: var(--_kith-space-2) var(--_kith-space-3);
    border-inline-start: 4px solid var(--_kith-danger);
    background: var(--_kith-skeleton);
  }
  .conflict p {
    margin: var(--_kith-space-1) 0;
  }
  .conflict dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--_kith-space-1) var(--_kith-space-3);
    margin: 0 0 var(--_kith-space-2);
  }
  .conflict dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .chip {
      border-color: CanvasText;
    }
  }
`;
