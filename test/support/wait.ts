// `waitUntil` for the browser tests, with a timeout fit for CI. open-wc's default (1 s) is shorter
// than one server round trip when both browsers, the test server and PGlite share two cores: a
// test that waited for a form behind a request failed in Firefox for that alone. A test may still
// pass its own timeout; a condition that never holds still fails.
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

type Options = NonNullable<Parameters<typeof openWcWaitUntil>[2]>;

/** How long a condition may take by default: ten times open-wc's. */
export const WAIT_MS = 10_000;

export const waitUntil = (predicate: () => unknown, message?: string, options: Options = {}): Promise<void> =>
  openWcWaitUntil(predicate, message, { timeout: WAIT_MS, ...options });
