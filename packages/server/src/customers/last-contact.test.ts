// Customer.lastContact: the newest inbound or outbound interaction that is contact (not an
// order, points or a stage change), read from the timeline on every read path, without
// touching the customer's version.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Customer, CustomerPage, type LastContact } from '@kith/schema';
import { testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { must } from '../util/must.js';
import { createCustomer, unique } from './test-helpers.js';

after(closeAll);

for (const variant of variants()) {
  describe(`customer lastContact on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(await variant.open());
    });

    const read = async (id: string, headers = api.headers.sk) => {
      const response = await api.request('GET', `/v1/customers/${id}`, headers);
      assert.equal(response.status, 200, await response.clone().text());
      return { customer: Customer.parse(await response.json()), etag: response.headers.get('etag') };
    };
    const record = async (id: string, body: Record<string, unknown>) => {
      const response = await api.request('POST', `/v1/customers/${id}/interactions`, api.headers.sk, { phase: 'after_sale', summary: 'Logged', ...body });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as { id: string };
    };
    const at = (minutes: number) => new Date(Date.parse('2026-03-01T09:00:00.000Z') + minutes * 60_000).toISOString();

    test('null until there is contact; internal notes and transactions never count; the version stays', async () => {
      const created = await createCustomer(api, { kind: 'person', name: `Last contact ${unique()}`, ownerId: api.staffId });
      assert.equal(created.lastContact, null);

      await record(created.id, { channel: 'phone', type: 'note', direction: 'internal', occurredAt: at(50) });
      assert.equal((await read(created.id)).customer.lastContact, null, 'a note among staff is not contact');

      await record(created.id, { channel: 'phone', type: 'call', direction: 'outbound', occurredAt: at(10) });
      const call: LastContact = { at: at(10), channel: 'phone', direction: 'outbound', type: 'call' };
      for (const [type, minutes] of [['order', 20], ['points', 30]] as const) {
        await record(created.id, { channel: 'web', type, direction: 'inbound', occurredAt: at(minutes) });
      }
      // A stage change is written by deal moves only; the timeline row is what counts.
      await api.db.query(
        `INSERT INTO interactions (customer_id, channel, type, direction, phase, summary, occurred_at)
         VALUES ($1, 'web', 'stage_change', 'outbound', 'sale', 'Moved', $2)`,
        [created.id, at(40)],
      );
      // A call logged afterwards that happened earlier does not replace a later one.
      await record(created.id, { channel: 'email', type: 'note', direction: 'inbound', occurredAt: at(5) });

      const { customer, etag } = await read(created.id);
      assert.deepEqual(customer.lastContact, call);
      assert.equal(customer.version, created.version, 'recording interactions bumps no version');
      assert.equal(customer.updatedAt, created.updatedAt);
      assert.equal(etag, `"${created.version}"`);
    });

    test('two contacts at one instant: the larger id wins, as on the timeline', async () => {
      const created = await createCustomer(api, { kind: 'person', name: `Tie ${unique()}`, ownerId: api.staffId });
      const first = await record(created.id, { channel: 'sms', type: 'notification', direction: 'outbound', occurredAt: at(60) });
      const second = await record(created.id, { channel: 'chat', type: 'ticket', direction: 'inbound', occurredAt: at(60) });
      const winner = first.id > second.id ? { channel: 'sms', direction: 'outbound', type: 'notification' } : { channel: 'chat', direction: 'inbound', type: 'ticket' };
      assert.deepEqual((await read(created.id)).customer.lastContact, { at: at(60), ...winner });
    });

    test('the same on every read path: the record, lists, the customer\'s own token, the export', async () => {
      const name = `Everywhere ${unique()}`;
      const created = await createCustomer(api, { kind: 'person', name, ownerId: api.staffId });
      await record(created.id, { channel: 'visit', type: 'meeting', direction: 'outbound', occurredAt: at(90) });
      const expected: LastContact = { at: at(90), channel: 'visit', direction: 'outbound', type: 'meeting' };
      assert.deepEqual((await read(created.id, api.headers.staff)).customer.lastContact, expected);
      assert.deepEqual((await read(created.id, await api.customerAs(created.id))).customer.lastContact, expected);
      const listed = CustomerPage.parse(await (await api.request('GET', `/v1/customers?q=${encodeURIComponent(name)}`, api.headers.sk)).json());
      assert.deepEqual(must(listed.items.find((c) => c.id === created.id), 'listed').lastContact, expected);
      const exported = (await (await api.request('GET', `/v1/customers/${created.id}/export`, api.headers.sk)).json()) as { customer: Customer };
      assert.deepEqual(exported.customer.lastContact, expected);
    });

    test('a known customer\'s complaint and its answer are contact too', async () => {
      const created = await createCustomer(api, { kind: 'person', name: `Complainer ${unique()}`, ownerId: api.staffId });
      await record(created.id, { channel: 'phone', type: 'call', direction: 'outbound', occurredAt: at(0) });
      const complaint = { kind: 'complaint', category: 'delivery', subject: 'Late parcel', body: 'Still waiting.', contact: { name: 'Ana', email: 'ana.lc@example.com', phone: null } };
      const filed = await api.request('POST', '/v1/feedback', await api.customerAs(created.id), complaint);
      assert.equal(filed.status, 201, await filed.clone().text());
      const { id, createdAt } = (await filed.json()) as { id: string; createdAt: string };
      assert.deepEqual((await read(created.id)).customer.lastContact, { at: createdAt, channel: 'web', direction: 'inbound', type: 'complaint' });

      // The test clock stands still: move it, so the answer is later than the complaint.
      api.clock.now = new Date(api.clock.now.getTime() + 60_000);
      const answered = await api.request('POST', `/v1/feedback/${id}/reply`, api.headers.sk, { body: 'On its way.' });
      assert.equal(answered.status, 200, await answered.clone().text());
      assert.deepEqual((await read(created.id)).customer.lastContact, { at: api.clock.now.toISOString(), channel: 'email', direction: 'outbound', type: 'ticket' });
    });
  });
}
