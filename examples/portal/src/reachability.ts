// Telling "Kith cannot be reached" (show what was saved, offer a retry) apart from a refusal
// (signed out, not allowed), from the state the SDK's reads report.
import { isKithError, type ReadState } from '@kith/sdk/core';

/**
 * True when a read failed because nothing answered: no network, a timeout, the server down, or
 * the token function could not reach the shop (then the SDK reports `unauthorized` with no
 * HTTP status: no request was sent).
 */
export function unreachable(error: unknown): boolean {
  if (!isKithError(error)) return false;
  return error.code === 'network' || error.code === 'timeout' || error.code === 'server' || (error.code === 'unauthorized' && error.status === null);
}

export interface Connection {
  /** Some read could not reach Kith. */
  readonly offline: boolean;
  /** When the oldest of the saved answers shown was fetched (ms since the epoch), if any is shown. */
  readonly savedAt: number | undefined;
  /** Nothing is shown at all: every read failed to reach Kith with nothing saved. */
  readonly nothingSaved: boolean;
  /** Some read is on its way to the server. */
  readonly revalidating: boolean;
}

export function connection(states: readonly ReadState<unknown>[]): Connection {
  const cut = states.filter((state) => unreachable(state.error));
  const saved = cut.filter((state) => state.data !== undefined && state.fetchedAt !== undefined).map((state) => state.fetchedAt as number);
  return {
    offline: cut.length > 0,
    savedAt: saved.length > 0 ? Math.min(...saved) : undefined,
    nothingSaved: states.length > 0 && states.every((state) => state.data === undefined && unreachable(state.error)),
    revalidating: states.some((state) => state.revalidating),
  };
}
