import type { KithError } from '@kith/sdk';
import type { CommonTexts } from '../locales/common/texts.js';
import { ResourceStatus } from './resource-controller.js';

/** The texts an element gives for the states every data element shows the same way. */
export interface StatusTexts {
  loading: string;
  notFound: string;
  /** No client: no provider, no page settings, no `base-url` + `key`. */
  notConfigured: string;
  stale: { offline: string; failed: string };
  /** The lead-in before the shared reason: "The customer could not be loaded: …". */
  failed: (reason: string) => string;
}

/**
 * The status line's text for the states every element renders alike (loading, not found, saved
 * data offline or stale, error, not configured); `undefined` for the others, which the element
 * words itself (ready, not authorised…).
 */
export function statusText(status: ResourceStatus, t: StatusTexts, common: CommonTexts, error: KithError | undefined): string | undefined {
  switch (status) {
    case ResourceStatus.loading:
      return t.loading;
    case ResourceStatus.notFound:
      return t.notFound;
    case ResourceStatus.offline:
      return t.stale.offline;
    case ResourceStatus.stale:
      return t.stale.failed;
    case ResourceStatus.error:
      return t.failed(common.reasons[error?.code ?? 'server']);
    case ResourceStatus.idle:
      return t.notConfigured;
    default:
      return undefined;
  }
}

/** The status line's class (see `stateStyles`): an error, a notice under saved data, for screen readers only while loading, or muted. */
export function statusTone(status: ResourceStatus): string {
  if (status === ResourceStatus.error) return 'error';
  if (status === ResourceStatus.stale || status === ResourceStatus.offline) return 'stale';
  if (status === ResourceStatus.loading) return 'visually-hidden';
  return 'muted';
}
