import { css } from 'lit';

/** The filter bar's styles: they come with its chunk. */
export const timelineFiltersStyles = css`
  .filters {
    display: grid;
    gap: var(--_kith-space-2);
    margin-bottom: var(--_kith-space-3);
  }
  .search {
    display: grid;
    gap: var(--_kith-space-1);
  }
  .facet-label {
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  input[type='search'] {
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    padding: 0 var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: calc(var(--kith-timeline-radius) / 2);
    background: var(--_kith-surface);
    color: var(--_kith-text);
    font: inherit;
  }
  input[type='search']:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_kith-focus-ring);
  }
  .facet {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kith-space-1);
  }
  .toggle {
    min-height: 44px;
    padding: 0 var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: 999px;
    background: transparent;
    color: var(--_kith-text);
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
  }
  .toggle[aria-pressed='true'] {
    border-color: var(--kith-timeline-accent);
    background: var(--kith-timeline-accent);
    color: var(--_kith-on-accent);
  }
  .toggle:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_kith-focus-ring);
  }
  .toggle .count {
    font-variant-numeric: tabular-nums;
  }

  @media (forced-colors: active) {
    .toggle[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
