import { css } from 'lit';

export const surveyResultsStyles = css`
  :host {
    --kith-survey-results-background: var(--_kith-surface);
    --kith-survey-results-border: 1px solid var(--_kith-border);
    --kith-survey-results-radius: var(--_kith-radius);
    --kith-survey-results-padding: var(--_kith-space-3);
    --kith-survey-results-accent: var(--_kith-accent);
    --kith-survey-results-track: var(--_kith-skeleton);
    --_kith-el-radius: var(--kith-survey-results-radius);
    --_kith-el-accent: var(--kith-survey-results-accent);
    max-width: 100%;
  }

  .survey-results {
    min-width: 0;
    padding: var(--kith-survey-results-padding);
    border: var(--kith-survey-results-border);
    border-radius: var(--kith-survey-results-radius);
    background: var(--kith-survey-results-background);
    overflow-wrap: anywhere;
  }
  .heading {
    margin: 0 0 var(--_kith-space-2);
    font-size: 1.25em;
    line-height: 1.3;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_kith-space-2) var(--_kith-space-3);
    margin-bottom: var(--_kith-space-3);
  }
  .custom {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-2) var(--_kith-space-3);
  }
  .field {
    display: grid;
    gap: var(--_kith-space-1);
    min-width: 0;
    max-width: 100%;
  }
  .label {
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  .select,
  .date {
    box-sizing: border-box;
    max-width: 100%;
    min-height: 44px;
    padding: 0 var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: calc(var(--kith-survey-results-radius) / 2);
    background: var(--_kith-surface);
    color: var(--_kith-text);
    font: inherit;
  }
  .date[aria-invalid='true'] {
    border-color: var(--_kith-danger);
  }
  .range-message,
  .period {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.875em;
  }
  .range-message {
    color: var(--_kith-danger);
  }
  .range-message:empty {
    display: none;
  }
  .period {
    color: var(--_kith-muted);
  }
`;
