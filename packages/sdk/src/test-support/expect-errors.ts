// Test helpers shared by the SDK's browser suites (not part of the public API).
import { expect } from '@open-wc/testing';
import { isKithError, type KithError } from '../errors.js';

/** Awaits a promise that must reject and returns what it rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** Awaits a promise that must reject with a {@link KithError} and returns it. */
export async function kithError(promise: Promise<unknown>): Promise<KithError> {
  const error = await rejection(promise);
  expect(isKithError(error), `expected a KithError, got ${String(error)}`).to.equal(true);
  return error as KithError;
}
