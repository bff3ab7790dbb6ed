import { expect } from '@open-wc/testing';
import {
  ERASED_CUSTOMER_NAME, type Customer, type CustomerAssignRequest, type CustomerExport, type CustomerListQuery, type CustomerPatch,
} from '@kith/schema';
import { serverInfo, tokenSource, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { createClient, type KithClient } from '../client.js';
import type { WriteResult } from '../outbox/types.js';
import type { Read } from '../reads/types.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf, refused, sent } from './fixtures.js';
import type { CustomersResource } from './customers.js';
import type { PrivacyResource } from './privacy.js';
import type { Versioned } from './shared.js';

// Compile-time checks: inputs come from the request schemas, answers from the response schemas.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _list: Equal<Parameters<CustomersResource['list']>[0], CustomerListQuery | undefined> = true;
const _listRead: Equal<ReturnType<CustomersResource['list']>, Read<{ items: Customer[]; next: string | null }>> = true;
const _update: Equal<Parameters<CustomersResource['update']>, [customer: Versioned, patch: CustomerPatch]> = true;
const _updateResult: Equal<ReturnType<CustomersResource['update']>, Promise<WriteResult<Customer>>> = true;
const _assign: Equal<Parameters<CustomersResource['assign']>, [customer: Versioned, request: CustomerAssignRequest]> = true;
const _assignResult: Equal<ReturnType<CustomersResource['assign']>, Promise<WriteResult<Customer>>> = true;
const _export: Equal<Awaited<ReturnType<PrivacyResource['export']>>, CustomerExport> = true;

/** A name no other suite uses, so searches find only this run's customers. */
const unique = (label: string) => `${label} ${crypto.randomUUID().slice(0, 8)}`;

describe('customers resource against the real server', () => {
  let server: KithServerInfo;
  /** An admin (sees every customer) with every customer scope. */
  let admin: KithClient;
  let adminId: string;
  /** Another staff user, to assign and share with. */
  let colleagueId: string;

  before(async () => {
    server = await serverInfo();
    const directory = await clientOf(server, { kind: 'staff', scopes: ['staff:read'] }).staff.list({ limit: 100 });
    adminId = directory.items.find((member) => member.role === 'admin')?.id ?? '';
    colleagueId = directory.items.find((member) => member.role === 'sales' && member.id !== server.staffId)?.id ?? '';
    expect(adminId).to.match(/^[0-9a-f-]{36}$/);
    expect(colleagueId).to.match(/^[0-9a-f-]{36}$/);
    admin = clientOf(server, { kind: 'staff', subject: adminId, scopes: ['customers:read', 'customers:write', 'privacy:manage'] });
  });

  const person = (name: string) => ({ kind: 'person' as const, name, channels: [{ kind: 'phone' as const, value: `+44 20 ${Math.floor(Math.random() * 1e8)}`, preferred: true }] });

  it('get: the sample customer to its owner; not_found for an unknown id; forbidden to a publishable key', async () => {
    const owner = clientOf(server, { kind: 'staff', scopes: ['customers:read'] });
    const customer = await owner.customers.get(server.sampleCustomerId);
    expect(customer.id).to.equal(server.sampleCustomerId);
    expect(customer.ownerId).to.equal(server.staffId);
    expect((await kithError(owner.customers.get(UNKNOWN_ID))).code).to.equal('not_found');
    expect((await kithError(clientOf(server).customers.get(server.sampleCustomerId))).code).to.equal('forbidden');
  });

  it('list: searches by name; a customer token sees only itself; a bad limit is a validation error on that field', async () => {
    const sample = await admin.customers.get(server.sampleCustomerId);
    const found = await admin.customers.list({ q: sample.name, limit: 5 });
    expect(found.items.map((c) => c.id)).to.include(sample.id);
    expect(found.items.every((c) => c.name.toLowerCase().includes(sample.name.toLowerCase()))).to.equal(true);
    const own = await clientOf(server, { kind: 'customer' }).customers.list();
    expect(own.items.map((c) => c.id)).to.deep.equal([server.sampleCustomerId]);
    const error = await kithError(admin.customers.list({ limit: 0 }));
    expect(error.code).to.equal('validation');
    expect(error.issues.map((issue) => issue.path.join('.'))).to.include('limit');
  });

  it('contacts: an organisation’s contact persons, each pointing back at it', async () => {
    const organisations = await admin.customers.list({ kind: 'organisation', limit: 5 });
    const organisation = organisations.items[0];
    if (!organisation) expect.fail('the demo has organisations');
    const contacts = await admin.customers.contacts(organisation.id, { limit: 50 });
    expect(contacts.items.length).to.be.greaterThan(0);
    expect(contacts.items.every((c) => c.organisationId === organisation.id && c.kind === 'person')).to.equal(true);
  });

  it('create, then update through the outbox with If-Match; a stale version is refused with the current record', async () => {
    const created = await admin.customers.create({ ...person(unique('SDK create')), tags: ['sdk-test'] });
    expect(created.version).to.equal(1);
    expect(created.ownerId).to.equal(adminId);
    const name = unique('SDK renamed');
    const updated = sent(await admin.customers.update(created, { name, tags: [] }));
    expect(updated).to.include({ id: created.id, name, version: 2 });
    expect((await admin.customers.get(created.id)).name).to.equal(name);
    const stale = refused(await admin.customers.update(created, { name: 'Too late' }));
    expect(stale.code).to.equal('conflict');
    expect(stale.current).to.deep.include({ id: created.id, name, version: 2 });
  });

  it('create: a look-alike is a conflict naming the existing record; allowDuplicate creates it; an empty name fails on `name`', async () => {
    const first = await admin.customers.create(person(unique('SDK twin')));
    const twin = { kind: 'person' as const, name: first.name, channels: first.channels };
    const conflict = await kithError(admin.customers.create(twin));
    expect(conflict.code).to.equal('conflict');
    expect((conflict.current as Customer).id).to.equal(first.id);
    const second = await admin.customers.create(twin, { allowDuplicate: true });
    expect(second.id).to.not.equal(first.id);
    const invalid = await kithError(admin.customers.create({ kind: 'person', name: '' }));
    expect(invalid.code).to.equal('validation');
    expect(invalid.issues.map((issue) => issue.path.join('.'))).to.include('name');
  });

  it('merge folds a duplicate into the survivor; the duplicate is gone', async () => {
    const survivor = await admin.customers.create(person(unique('SDK survivor')));
    const duplicate = await admin.customers.create(person(unique('SDK duplicate')));
    const result = await admin.customers.merge(survivor.id, { duplicateId: duplicate.id });
    expect(result.mergedId).to.equal(duplicate.id);
    expect(result.customer.id).to.equal(survivor.id);
    expect(result.customer.version).to.be.greaterThan(survivor.version);
    expect(result.moved).to.have.property('interactions').that.is.a('number');
    expect((await kithError(admin.customers.get(duplicate.id))).code).to.equal('not_found');
  });

  it('assign goes through the outbox with If-Match; a stale version is refused with the current record', async () => {
    const customer = await admin.customers.create(person(unique('SDK assign outbox')));
    // The admin's client, with a fetch that notes the If-Match of every transfer it sends.
    const sentHeaders: (string | null)[] = [];
    const name = `kith-test-${crypto.randomUUID()}`;
    const watched = createClient({
      baseUrl: server.url,
      key: server.publishableKey,
      token: tokenSource({ kind: 'staff', subject: adminId, scopes: ['customers:read', 'customers:write'] }),
      cache: { name: `${name}-cache` },
      outbox: { name: `${name}-outbox` },
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (request.url.endsWith('/assign')) sentHeaders.push(request.headers.get('if-match'));
        return fetch(request);
      },
    });
    const assigned = sent(await watched.customers.assign(customer, { ownerId: colleagueId }));
    expect(assigned).to.include({ id: customer.id, ownerId: colleagueId, version: customer.version + 1 });
    expect(sentHeaders).to.deep.equal([`"${customer.version}"`]);
    // Someone decided on the version before the transfer: refused, and kept in the outbox to look at again.
    const stale = await watched.customers.assign(customer, { ownerId: server.staffId });
    const error = refused(stale);
    expect(error.code).to.equal('conflict');
    expect(error.current).to.deep.include({ id: customer.id, ownerId: colleagueId, version: customer.version + 1 });
    expect(stale.status === 'failed' && stale.entry.kind).to.equal('customers.assign');
    expect(sentHeaders).to.deep.equal([`"${customer.version}"`, `"${customer.version}"`]);
    expect((await admin.customers.get(customer.id)).ownerId).to.equal(colleagueId);
  });

  it('assign, share and unshare change who sees a customer; a sales rep may not assign', async () => {
    const customer = await admin.customers.create(person(unique('SDK assign')));
    const assigned = sent(await admin.customers.assign(customer, { ownerId: colleagueId }));
    expect(assigned.ownerId).to.equal(colleagueId);
    const rep = clientOf(server, { kind: 'staff', scopes: ['customers:read', 'customers:write'] });
    expect((await kithError(rep.customers.get(customer.id))).code).to.equal('not_found');
    expect((await admin.customers.share(customer.id, server.staffId)).staffIds).to.deep.equal([server.staffId]);
    expect((await rep.customers.get(customer.id)).id).to.equal(customer.id);
    expect((await admin.customers.unshare(customer.id, server.staffId)).staffIds).to.deep.equal([]);
    expect((await kithError(rep.customers.get(customer.id))).code).to.equal('not_found');
    const sample = await rep.customers.get(server.sampleCustomerId);
    expect(refused(await rep.customers.assign(sample, { ownerId: colleagueId })).code).to.equal('forbidden');
  });

  it('export: everything held about a customer, to privacy staff and to the customer themself only', async () => {
    const document = await admin.privacy.export(server.sampleCustomerId);
    expect(document.format).to.equal('kith.customer-export.v1');
    expect(document.customer.id).to.equal(server.sampleCustomerId);
    expect(document.orders.every((order) => order.customerId === server.sampleCustomerId)).to.equal(true);
    const own = await clientOf(server, { kind: 'customer' }).privacy.export(server.sampleCustomerId);
    expect(own.customer.id).to.equal(server.sampleCustomerId);
    const other = await admin.customers.create(person(unique('SDK other')));
    expect((await kithError(clientOf(server, { kind: 'customer' }).privacy.export(other.id))).code).to.equal('forbidden');
  });

  it('erase leaves a tombstone; a second erase is a repeat', async () => {
    const customer = await admin.customers.create(person(unique('SDK erase')));
    const erased = await admin.privacy.erase(customer.id, { reviews: 'anonymise', reason: 'SDK test' });
    expect(erased.alreadyErased).to.equal(false);
    expect(erased.customer).to.include({ id: customer.id, name: ERASED_CUSTOMER_NAME });
    expect(erased.customer.channels).to.deep.equal([]);
    const again = await admin.privacy.erase(customer.id, { reviews: 'anonymise' });
    expect(again.alreadyErased).to.equal(true);
    expect(again.erasedAt).to.equal(erased.erasedAt);
  });
});
