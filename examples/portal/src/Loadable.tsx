// A read's data, or on purpose what stands in for it: a loading placeholder, or why it failed.
import type { ReactNode } from 'react';
import { isKithError, type ReadState } from '@kith/sdk/core';
import { unreachable } from './reachability.js';
import { signInUrl } from './session.js';

interface LoadableProps<T> {
  readonly state: ReadState<T>;
  /** What is loading, in a sentence: "your orders". */
  readonly what: string;
  readonly children: (data: T) => ReactNode;
}

export function Loadable<T>({ state, what, children }: LoadableProps<T>) {
  // Saved data is shown even when the last attempt failed: the offline note says so.
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.status === 'error' && state.error) return <Failure error={state.error} what={what} />;
  return (
    <div className="loading" aria-busy="true">
      <span className="visually-hidden">Loading {what}…</span>
      <span className="bar" aria-hidden="true" />
      <span className="bar" aria-hidden="true" />
    </div>
  );
}

function Failure({ error, what }: { readonly error: unknown; readonly what: string }) {
  if (unreachable(error)) {
    return <p className="failure">Kith cannot be reached, and {what} are not saved on this device yet.</p>;
  }
  if (isKithError(error) && (error.code === 'unauthorized' || error.code === 'forbidden')) {
    return (
      <p className="failure">
        Your sign-in has ended. <a href={signInUrl}>Sign in again</a> to see {what}.
      </p>
    );
  }
  const code = isKithError(error) ? ` (${error.code})` : '';
  return <p className="failure">{`Could not load ${what}${code}.`}</p>;
}
