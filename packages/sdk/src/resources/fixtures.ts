// Shared by the resources' browser suites (not built: `fixtures.ts` is excluded from the
// package): clients against the real test server, and the checks of a write's result.
import { expect } from '@open-wc/testing';
import type { Scope } from '@kith/schema';
import { serverInfo, tokenSource, type KithServerInfo, type TokenGrant } from '../../../../test/support/server-commands.js';
import { createClient, type KithClient } from '../client.js';
import type { KithError } from '../errors.js';
import type { WriteResult } from '../outbox/types.js';

/** A client of the shared test server: the demo publishable key, and a token minted per call when `grant` is given. */
export function clientOf(server: KithServerInfo, grant?: TokenGrant): KithClient {
  // Storage of this client alone, so suites running side by side in one browser never share entries.
  const name = `kith-test-${crypto.randomUUID()}`;
  return createClient({
    baseUrl: server.url,
    key: server.publishableKey,
    ...(grant ? { token: tokenSource(grant) } : {}),
    cache: { name: `${name}-cache` },
    outbox: { name: `${name}-outbox` },
  });
}

/** The shared server and a staff client of the sample customer's owner with these scopes. */
export async function staffClient(scopes: Scope[], subject?: string): Promise<{ server: KithServerInfo; client: KithClient }> {
  const server = await serverInfo();
  return { server, client: clientOf(server, { kind: 'staff', scopes, ...(subject ? { subject } : {}) }) };
}

/** The data of a write the server accepted at once; fails the test otherwise. */
export function sent<T>(result: WriteResult<T>): T {
  if (result.status !== 'sent') {
    const why = result.status === 'failed' ? `${result.error.code}: ${result.error.message}` : 'queued';
    expect.fail(`expected the write to be sent, it is ${result.status} (${why})`);
  }
  return result.data;
}

/** The error of a write the server refused (kept in the outbox as `failed`); fails the test otherwise. */
export function refused(result: WriteResult<unknown>): KithError {
  if (result.status !== 'failed') expect.fail(`expected the write to be refused, it is ${result.status}`);
  return result.error;
}
