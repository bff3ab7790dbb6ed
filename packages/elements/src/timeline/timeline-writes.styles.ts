import { css } from 'lit';

/** Writing's styles (the buttons, the pending items): they come with the writes chunk. */
export const timelineWritesStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-2);
    margin-bottom: var(--_kith-space-2);
  }

  .pending .summary {
    font-style: italic;
  }
  .state {
    margin: var(--_kith-space-1) 0 0;
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  .state.error {
    color: var(--_kith-danger);
  }
`;
