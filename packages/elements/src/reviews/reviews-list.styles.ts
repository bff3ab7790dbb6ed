import { css } from 'lit';

/** The list's styles (its chunk adopts them into the element's shadow root). */
export const reviewsListStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kith-space-2);
  }
  .sort-label {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_kith-space-2);
  }
  .sort {
    min-height: 44px;
    max-width: 100%;
    padding: 0 var(--_kith-space-2);
    border: 1px solid var(--_kith-border);
    border-radius: var(--_kith-el-radius);
    background: var(--kith-reviews-background);
    color: inherit;
    font: inherit;
  }
  .toggle[aria-pressed='true'] {
    border-color: var(--kith-reviews-accent);
    box-shadow: inset 0 0 0 1px var(--kith-reviews-accent);
  }
  .language-note {
    margin: var(--_kith-space-2) 0;
    color: var(--_kith-muted);
    font-size: 0.875em;
  }

  .list {
    display: grid;
    gap: var(--_kith-space-3);
    min-width: 0;
  }
  /* Reviewers' words: a 20,000-character word wraps inside its box instead of widening the page. */
  .review {
    display: block;
    min-width: 0;
    max-width: 100%;
    padding-top: var(--_kith-space-3);
    border-top: 1px solid var(--_kith-border);
    overflow-wrap: anywhere;
  }
  .review-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_kith-space-2);
  }
  .review-title {
    min-width: 0;
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .review-meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kith-space-1) var(--_kith-space-2);
    margin: var(--_kith-space-1) 0;
    color: var(--_kith-muted);
    font-size: 0.875em;
  }
  .review-author {
    color: var(--kith-reviews-color);
    font-weight: 600;
  }
  .verified {
    padding: 0 var(--_kith-space-1);
    border: 1px solid currentColor;
    border-radius: calc(var(--_kith-el-radius) / 2);
  }
  .review-body,
  .reply-body {
    margin: var(--_kith-space-1) 0 0;
    white-space: pre-line;
  }
  .review-reply {
    margin-top: var(--_kith-space-2);
    padding: var(--_kith-space-2) var(--_kith-space-3);
    border-inline-start: 3px solid var(--kith-reviews-accent);
    background: var(--kith-reviews-track);
    border-radius: calc(var(--_kith-el-radius) / 2);
  }
  .reply-head {
    margin: 0;
    font-size: 0.875em;
    font-weight: 600;
  }
  .reply-head time {
    font-weight: 400;
  }

  .more {
    margin-top: var(--_kith-space-3);
  }
`;
