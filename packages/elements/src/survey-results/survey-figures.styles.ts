import { css } from 'lit';

/** The figures' styles (headline, NPS groups, the table of scores and its bars): they come with the figures' chunk. */
export const surveyFiguresStyles = css`
  .headline {
    margin-bottom: var(--_kith-space-3);
  }
  .figure-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_kith-space-2);
    margin: 0;
  }
  .name {
    font-weight: 600;
  }
  .score {
    font-size: 2em;
    font-weight: 700;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .explanation,
  .counts {
    margin: var(--_kith-space-1) 0 0;
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  .groups {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
    gap: var(--_kith-space-2);
    margin: var(--_kith-space-2) 0 0;
  }
  .group {
    padding: var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-inline-start-width: 4px;
    border-radius: calc(var(--kith-survey-results-radius) / 2);
  }
  .group.promoters {
    border-inline-start-color: var(--kith-survey-results-accent);
  }
  .group.detractors {
    border-inline-start-color: var(--_kith-danger);
  }
  .group dt {
    font-size: 0.875em;
    color: var(--_kith-muted);
  }
  .group dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .distribution {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    margin-bottom: var(--_kith-space-1);
    font-weight: 600;
    text-align: start;
  }
  th,
  td {
    padding: var(--_kith-space-1) var(--_kith-space-2);
    border-bottom: 1px solid var(--_kith-border);
    text-align: start;
  }
  thead th {
    color: var(--_kith-muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .number {
    text-align: end;
  }
  .score-column {
    width: 5em;
  }
  .answers-column {
    width: 6em;
  }
  .share {
    display: flex;
    align-items: center;
    gap: var(--_kith-space-2);
  }
  .share .number {
    flex: none;
    min-width: 3em;
  }
  .track {
    display: block;
    flex: 1;
    min-width: 2em;
    height: 0.6em;
    overflow: hidden;
    border-radius: 999px;
    background: var(--kith-survey-results-track);
  }
  .fill {
    display: block;
    width: calc(var(--fill, 0) * 100%);
    height: 100%;
    background: var(--kith-survey-results-accent);
  }
  .fill.passives {
    background: var(--_kith-muted);
  }
  .fill.detractors {
    background: var(--_kith-danger);
  }

  @media (forced-colors: active) {
    .fill {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
