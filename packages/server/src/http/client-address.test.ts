import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import * as z from 'zod/mini';
import { createApp } from '../app.js';
import { Services } from '../services.js';
import { TEST_SETTINGS } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { normaliseAddress, resolveClientAddress, UNKNOWN_ADDRESS } from './client-address.js';
import { route } from './route.js';

after(closeAll);

describe('resolveClientAddress', () => {
  const socket = '203.0.113.9';

  test('hops 0 uses the socket and never reads X-Forwarded-For', () => {
    assert.equal(resolveClientAddress(socket, undefined, 0), socket);
    assert.equal(resolveClientAddress(socket, '198.51.100.1', 0), socket);
    assert.equal(resolveClientAddress(socket, '198.51.100.1, 198.51.100.2', 0), socket);
  });

  test('hops N picks the Nth entry from the right', () => {
    // One proxy (the socket peer) appended the client's address: the last entry.
    assert.equal(resolveClientAddress(socket, '198.51.100.1', 1), '198.51.100.1');
    assert.equal(resolveClientAddress(socket, '10.9.9.9, 198.51.100.1', 1), '198.51.100.1');
    // Two proxies: the first appended the client, the second the first proxy.
    assert.equal(resolveClientAddress(socket, '198.51.100.1, 10.0.0.2', 2), '198.51.100.1');
    assert.equal(resolveClientAddress(socket, '198.51.100.7,198.51.100.1,10.0.0.2', 2), '198.51.100.1');
    assert.equal(resolveClientAddress(socket, '198.51.100.1, 10.0.0.3, 10.0.0.2', 3), '198.51.100.1');
  });

  test('spoofed entries on the left change nothing', () => {
    const real = '198.51.100.1, 10.0.0.2';
    for (const spoof of ['1.1.1.1', '1.1.1.1, 2.2.2.2', '127.0.0.1, ::1, 8.8.8.8', 'not-an-ip']) {
      assert.equal(resolveClientAddress(socket, `${spoof}, ${real}`, 2), '198.51.100.1', spoof);
    }
  });

  test('a header shorter than the hops, or an entry that is no address, falls back to the socket', () => {
    assert.equal(resolveClientAddress(socket, '198.51.100.1', 2), socket);
    assert.equal(resolveClientAddress(socket, '198.51.100.1, 10.0.0.2', 3), socket);
    assert.equal(resolveClientAddress(socket, undefined, 1), socket);
    assert.equal(resolveClientAddress(socket, 'unknown', 1), socket);
    assert.equal(resolveClientAddress(socket, '198.51.100.1, ', 1), socket);
    assert.equal(resolveClientAddress(undefined, undefined, 0), UNKNOWN_ADDRESS);
    assert.equal(resolveClientAddress(undefined, 'garbage', 1), UNKNOWN_ADDRESS);
  });

  test('addresses are normalised', () => {
    assert.equal(normaliseAddress('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(normaliseAddress('::FFFF:192.0.2.1'), '192.0.2.1');
    assert.equal(normaliseAddress('::ffff:c000:201'), '192.0.2.1');
    assert.equal(normaliseAddress('2001:DB8::1'), '2001:db8::1');
    assert.equal(normaliseAddress('[2001:db8::1]:443'), '2001:db8::1');
    assert.equal(normaliseAddress('192.0.2.1:8080'), '192.0.2.1');
    assert.equal(normaliseAddress(' 192.0.2.1 '), '192.0.2.1');
    assert.equal(normaliseAddress('fe80::1%eth0'), 'fe80::1');
    assert.equal(normaliseAddress('not-an-ip'), null);
    assert.equal(normaliseAddress('999.1.1.1'), null);
    assert.equal(resolveClientAddress('::ffff:127.0.0.1', undefined, 0), '127.0.0.1');
    assert.equal(resolveClientAddress(socket, '::ffff:198.51.100.1', 1), '198.51.100.1');
  });
});

// The middleware as the app runs it, with the socket given the way @hono/node-server does.
const probe = route({
  method: 'GET',
  path: '/v1/probe/address',
  summary: 'probe',
  tag: 'test',
  access: { public: true },
  response: z.object({ address: z.string() }),
  async handle({ c }) {
    return { address: c.get('clientAddress') };
  },
});

for (const variant of variants()) {
  describe(`clientAddress() on ${variant.name}`, { skip: variant.skip }, () => {
    const addressVia = async (hops: number, remoteAddress: string | undefined, forwardedFor?: string) => {
      const db = await variant.open();
      const services = new Services(db, { settings: { ...TEST_SETTINGS, trustedProxyHops: hops } });
      const app = createApp({ db, services, routes: [probe] });
      const headers: Record<string, string> = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
      const env = remoteAddress === undefined ? undefined : { incoming: { socket: { remoteAddress } } };
      const response = await app.request('/v1/probe/address', { headers }, env);
      assert.equal(response.status, 200);
      return ((await response.json()) as { address: string }).address;
    };

    test('the socket, unless trusted proxies are configured', async () => {
      assert.equal(await addressVia(0, '::ffff:203.0.113.9', '198.51.100.1'), '203.0.113.9');
      assert.equal(await addressVia(0, undefined), UNKNOWN_ADDRESS);
      assert.equal(await addressVia(1, '10.0.0.2', '6.6.6.6, 198.51.100.1'), '198.51.100.1');
      assert.equal(await addressVia(2, '10.0.0.3', '6.6.6.6, 198.51.100.1, 10.0.0.2'), '198.51.100.1');
      assert.equal(await addressVia(2, '10.0.0.3', '198.51.100.1'), '10.0.0.3', 'short header: the socket');
      assert.equal(await addressVia(1, '10.0.0.2'), '10.0.0.2', 'no header: the socket');
    });
  });
}
