import { css } from 'lit';

/** The tools' styles, adopted into the board's shadow root when the tools load. */
export const boardToolsStyles = css`
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-2) var(--_kith-space-3);
  }
  .field {
    display: grid;
    flex: 1 1 160px;
    gap: var(--_kith-space-1);
    max-width: 320px;
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  select,
  input {
    min-height: 44px;
    padding: 0 var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: calc(var(--kith-pipeline-radius) / 2);
    background: var(--_kith-surface);
    color: var(--_kith-text);
    font: inherit;
    font-size: 1rem;
  }
  .sort {
    min-height: 32px;
    margin-top: var(--_kith-space-1);
    font-size: 0.875em;
  }
  select:focus-visible,
  input:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_kith-focus-ring);
  }
  .hint,
  .sorted,
  .message {
    margin: var(--_kith-space-1) 0 0;
    font-size: 0.875em;
  }
  .hint,
  .sorted {
    color: var(--_kith-muted);
  }
  .message:empty {
    display: none;
  }
  /* The handle in a column of its own, right of the card's lines. */
  .card {
    grid-template-columns: 1fr auto;
  }
  .card > :not(.handle) {
    grid-column: 1;
  }
  /* A click on a card's title opens it. */
  .deal {
    cursor: pointer;
  }
  /* A finger drags the handle (the rest of the card scrolls the column): 44 px, no panning on it. */
  .handle {
    display: flex;
    grid-row: 1 / span 4;
    grid-column: 2;
    align-items: center;
    justify-content: center;
    width: 44px;
    height: 44px;
    margin: calc(-1 * var(--_kith-space-1));
    color: var(--_kith-muted);
    font-size: 1.25em;
    cursor: grab;
    touch-action: none;
    user-select: none;
    -webkit-user-select: none;
  }
  /* Dashed: lifted; the focus ring (a box shadow) still shows inside it. */
  .card.lifted {
    outline: 2px dashed var(--kith-pipeline-accent);
    outline-offset: 2px;
  }
  .card.lifted .handle {
    color: var(--kith-pipeline-accent);
    cursor: grabbing;
  }
  .card.pending {
    border-style: dashed;
  }
  .badge {
    justify-self: start;
    padding: 0 var(--_kith-space-1);
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_kith-muted);
    font-size: 0.75em;
  }
  .ghost {
    position: fixed;
    top: 0;
    left: 0;
    z-index: 1;
    max-width: 240px;
    padding: var(--_kith-space-1) var(--_kith-space-2);
    border: 1px solid var(--kith-pipeline-accent);
    border-radius: calc(var(--kith-pipeline-radius) / 2);
    background: var(--_kith-surface);
    box-shadow: var(--_kith-shadow);
    pointer-events: none;
  }
  @media (pointer: fine) {
    .card {
      cursor: grab;
    }
  }
  @media (forced-colors: active) {
    .card.lifted {
      outline-color: Highlight;
    }
  }
`;
