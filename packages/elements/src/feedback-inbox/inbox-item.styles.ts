import { css } from 'lit';

export const inboxItemStyles = css`
  :host {
    --kith-inbox-item-background: var(--_kith-surface);
    --kith-inbox-item-color: var(--_kith-text);
    --kith-inbox-item-border: 1px solid var(--_kith-border);
    --kith-inbox-item-radius: var(--_kith-radius);
    --kith-inbox-item-padding: var(--_kith-space-3);
    --kith-inbox-item-accent: var(--_kith-accent);
    --kith-inbox-item-overdue: var(--_kith-danger);
    --_kith-el-radius: var(--kith-inbox-item-radius);
    --_kith-el-accent: var(--kith-inbox-item-accent);
    max-width: 100%;
  }

  .item {
    min-width: 0;
    padding: var(--kith-inbox-item-padding);
    border: var(--kith-inbox-item-border);
    border-radius: var(--kith-inbox-item-radius);
    background: var(--kith-inbox-item-background);
    color: var(--kith-inbox-item-color);
    /* Shoppers' words may hold a 300-character "word": it wraps instead of widening the item. */
    overflow-wrap: anywhere;
  }
  .heading {
    margin: 0 0 var(--_kith-space-1);
    font-size: 1.125em;
    line-height: 1.3;
  }
  .kind {
    color: var(--_kith-muted);
    font-weight: 400;
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kith-space-2);
    margin: 0 0 var(--_kith-space-2);
  }
  .stars {
    color: var(--kith-inbox-item-accent);
    letter-spacing: 0.1em;
    white-space: nowrap;
  }
  .badge {
    padding: 0 var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: 999px;
    font-size: 0.875em;
  }
  .category,
  .counter,
  .reply-label {
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  .deadline {
    margin: 0 0 var(--_kith-space-2);
    font-weight: 600;
    color: var(--kith-inbox-item-accent);
  }
  .deadline[data-state='overdue'] {
    color: var(--kith-inbox-item-overdue);
  }
  .deadline[data-state='settled'] {
    color: var(--_kith-muted);
    font-weight: 400;
  }
  .body,
  .reply-body,
  .score {
    margin: 0 0 var(--_kith-space-2);
    white-space: pre-line;
  }
  .score {
    font-size: 1.25em;
    font-weight: 600;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--_kith-space-1) var(--_kith-space-2);
    margin: 0 0 var(--_kith-space-2);
    font-size: 0.875em;
  }
  .fact {
    display: contents;
  }
  .fact dt {
    color: var(--_kith-muted);
  }
  .fact dd {
    margin: 0;
    min-width: 0;
  }
  .reply {
    margin: 0 0 var(--_kith-space-2);
    padding-inline-start: var(--_kith-space-2);
    border-inline-start: 3px solid var(--_kith-border);
  }
  .reply-label {
    margin: 0;
  }
  .actions,
  .moves,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-2);
  }
  .form {
    margin-top: var(--_kith-space-2);
  }
  .label {
    display: block;
    margin-bottom: var(--_kith-space-1);
    font-weight: 600;
  }
  .field {
    display: block;
    width: 100%;
    padding: var(--_kith-space-2);
    border: 1px solid var(--_kith-muted);
    border-radius: calc(var(--_kith-el-radius) / 2);
    background: var(--_kith-surface);
    color: var(--_kith-text);
    font: inherit;
    resize: vertical;
  }
  .field:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_kith-focus-ring);
  }
  .field[aria-invalid='true'] {
    border-color: var(--_kith-danger);
  }
  .counter,
  .field-message {
    margin: var(--_kith-space-1) 0;
  }
  .field-message,
  .message.error {
    color: var(--_kith-danger);
  }
  .field-message:empty {
    display: none;
  }
  /* The live region stays in the tree (an added one is not always announced); empty, it takes no room. */
  .message:empty {
    margin: 0;
  }
  .message {
    margin: var(--_kith-space-2) 0 0;
  }
  .message.queued {
    color: var(--_kith-muted);
  }
`;
