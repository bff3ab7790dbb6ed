import { css } from 'lit';

// The form sits in the badge's shadow root: the badge's tokens (--_kith-*, --kith-loyalty-*) and
// its reset text styles are inherited, so only the form's own boxes are styled here.
export const loyaltyRedeemStyles = css`
  :host {
    display: block;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  fieldset {
    min-width: 0;
    margin: var(--_kith-space-3) 0 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_kith-space-2);
    margin-top: var(--_kith-space-1);
  }
  .field {
    display: flex;
    flex: 1 1 8em;
    flex-direction: column;
    gap: var(--_kith-space-1);
    font-size: 0.875em;
  }
  input {
    min-height: 44px;
    font: inherit;
    padding: 0 var(--_kith-space-2);
    border: 1px solid var(--_kith-muted);
    border-radius: calc(var(--kith-loyalty-radius) / 2);
    background: var(--kith-loyalty-background);
    color: inherit;
    font-size: var(--_kith-font-size);
  }
  input[aria-invalid='true'] {
    border-color: var(--_kith-danger);
  }
  input:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_kith-focus-ring);
  }
  p {
    margin: var(--_kith-space-1) 0 0;
    font-size: 0.875em;
  }
  p:empty {
    display: none;
  }
  .muted {
    color: var(--_kith-muted);
  }
  .ok {
    font-weight: 600;
  }
  .error {
    color: var(--_kith-danger);
  }
  @media (forced-colors: active) {
    input[aria-invalid='true'] {
      border-width: 2px;
    }
  }
`;
