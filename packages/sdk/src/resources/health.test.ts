import { expect } from '@open-wc/testing';
import { serverInfo, closedUrl, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { createClient } from '../client.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf } from './fixtures.js';

describe('health resource against the real server (public)', () => {
  let server: KithServerInfo;
  before(async () => {
    server = await serverInfo();
  });

  it('health: ok, the database kind and a clock near ours; asked anew each time', async () => {
    const client = clientOf(server);
    const first = await client.health.get();
    expect(first).to.include({ status: 'ok', database: 'pglite' });
    expect(Math.abs(Date.parse(first.time) - Date.now())).to.be.lessThan(60_000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await client.health.get();
    expect(Date.parse(second.time)).to.be.greaterThan(Date.parse(first.time));
  });

  it('health of a server that is down fails with `network`', async () => {
    const down = createClient({ baseUrl: await closedUrl(), key: server.publishableKey, retry: false, cache: false });
    expect((await kithError(down.health.get())).code).to.equal('network');
  });
});
