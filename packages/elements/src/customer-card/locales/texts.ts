import type { KithErrorCode } from '@kith/sdk';
import type { Texts } from '../../locales/translation.js';

/** Every text `<kith-customer-card>` shows. One object per language, one file each; only the active one is loaded. */
export interface CustomerCardTexts extends Texts {
  /** Accessible name of the card while it shows a customer. */
  label: (name: string) => string;
  company: string;
  tier: string;
  lifetimeValue: string;
  noCompany: string;
  noTier: string;
  loading: string;
  notFound: string;
  /** Shown when no client could be found (no provider, no base-url + key). */
  notConfigured: string;
  /** Shown when the credential may not read customers (a key alone, or a token without the right): a staff sign-in is needed. */
  notAuthorized: { title: string; body: string };
  /** Shown when there is a client but no customer-id. */
  noCustomer: string;
  retry: string;
  /** Shown under saved data when the latest could not be loaded: offline (network, timeout) or another failure. */
  stale: { offline: string; failed: string };
  errors: Record<KithErrorCode, string>;
}
