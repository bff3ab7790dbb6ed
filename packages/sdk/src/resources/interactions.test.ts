import { expect } from '@open-wc/testing';
import type { CreateInteraction, Interaction, InteractionPage } from '@kith/schema';
import { serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { WriteResult } from '../outbox/types.js';
import type { ReadState } from '../reads/types.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf, refused, sent } from './fixtures.js';
import type { InteractionsResource } from './interactions.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _create: Equal<Parameters<InteractionsResource['create']>[1], CreateInteraction> = true;
const _created: Equal<Awaited<ReturnType<InteractionsResource['create']>>, WriteResult<Interaction>> = true;

describe('interactions resource against the real server', () => {
  let server: KithServerInfo;
  before(async () => {
    server = await serverInfo();
  });
  const note = (summary: string): CreateInteraction => ({ channel: 'phone', type: 'note', direction: 'internal', phase: 'after_sale', summary });

  it('create writes a note through the outbox; list filters in SQL and counts facets', async () => {
    const client = clientOf(server, { kind: 'staff', scopes: ['customers:read', 'interactions:write'] });
    const summary = `SDK note ${crypto.randomUUID()}`;
    const created = sent(await client.interactions.create(server.sampleCustomerId, { ...note(summary), body: 'Called back about the order.' }));
    expect(created).to.include({ customerId: server.sampleCustomerId, staffId: server.staffId, summary, type: 'note' });
    const page = await client.interactions.list(server.sampleCustomerId, { q: summary, channel: ['phone'], limit: 5 });
    expect(page.items.map((i) => i.id)).to.deep.equal([created.id]);
    expect(page.total).to.equal(1);
    expect(page.counts.channel.phone).to.equal(1);
  });

  it('an observed timeline fetches again when a note lands (live `customer:<id>`)', async () => {
    const reader = clientOf(server, { kind: 'staff', scopes: ['customers:read'] });
    const writer = clientOf(server, { kind: 'staff', scopes: ['interactions:write'] });
    const summary = `SDK live ${crypto.randomUUID()}`;
    const states: ReadState<InteractionPage>[] = [];
    const stop = reader.interactions.list(server.sampleCustomerId, { q: summary }).subscribe((state) => states.push(state));
    try {
      const fresh = () => states.filter((state) => state.status === 'fresh');
      for (let i = 0; i < 400 && (fresh().length === 0 || reader.live.status !== 'open'); i++) await new Promise((r) => setTimeout(r, 25));
      expect(fresh()[0]?.data?.total).to.equal(0);
      sent(await writer.interactions.create(server.sampleCustomerId, note(summary)));
      for (let i = 0; i < 400 && !fresh().some((state) => state.data?.total === 1); i++) await new Promise((r) => setTimeout(r, 25));
      const last = fresh().at(-1);
      expect(last?.source).to.equal('live');
      expect(last?.data?.items[0]?.summary).to.equal(summary);
    } finally {
      stop();
      reader.close();
    }
  });

  it('refusals: stage_change is not for notes (validation on `type`); no scope (forbidden); unknown customer (not_found)', async () => {
    const client = clientOf(server, { kind: 'staff', scopes: ['customers:read', 'interactions:write'] });
    const invalid = refused(await client.interactions.create(server.sampleCustomerId, { ...note('x'), type: 'stage_change' }));
    expect(invalid.code).to.equal('validation');
    expect(invalid.issues.map((issue) => issue.path.join('.'))).to.include('type');
    const readOnly = clientOf(server, { kind: 'staff', scopes: ['customers:read'] });
    expect(refused(await readOnly.interactions.create(server.sampleCustomerId, note('x'))).code).to.equal('forbidden');
    expect((await kithError(client.interactions.list(UNKNOWN_ID))).code).to.equal('not_found');
    // A customer never reads the timeline: it holds staff-internal notes.
    expect((await kithError(clientOf(server, { kind: 'customer' }).interactions.list(server.sampleCustomerId))).code).to.equal('forbidden');
  });
});
