import { expect } from '@open-wc/testing';
import type { OrderListQuery, OrderPage } from '@kith/schema';
import { serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf } from './fixtures.js';
import type { OrdersResource } from './orders.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _list: Equal<Parameters<OrdersResource['list']>, [customerId: string, query?: OrderListQuery, options?: ReadOptions]> = true;
const _page: Equal<ReturnType<OrdersResource['list']>, Read<OrderPage>> = true;

describe('orders resource against the real server', () => {
  let server: KithServerInfo;
  before(async () => {
    server = await serverInfo();
  });

  it('the shopper reads their own orders with lines, newest placed first, page by page; staff with customers:read the same', async () => {
    const own = clientOf(server, { kind: 'customer' });
    const all = await own.orders.list(server.sampleCustomerId, { limit: 100 });
    expect(all.items.length).to.be.greaterThan(1);
    expect(all.items.every((order) => order.customerId === server.sampleCustomerId && order.lines.length > 0)).to.equal(true);
    const placed = all.items.map((order) => order.placedAt);
    expect(placed).to.deep.equal([...placed].sort().reverse());

    const first = await own.orders.list(server.sampleCustomerId, { limit: 1 });
    expect(first.next).to.be.a('string');
    const second = await own.orders.list(server.sampleCustomerId, { limit: 1, cursor: first.next ?? '' });
    expect([...first.items, ...second.items].map((order) => order.id)).to.deep.equal(all.items.slice(0, 2).map((order) => order.id));

    const staff = clientOf(server, { kind: 'staff', scopes: ['customers:read'] });
    expect((await staff.orders.list(server.sampleCustomerId, { limit: 100 })).items.map((order) => order.id)).to.deep.equal(all.items.map((order) => order.id));
    const status = all.items[0]?.status ?? expect.fail('an order');
    const some = await own.orders.list(server.sampleCustomerId, { status, limit: 100 });
    expect(some.items.length).to.be.greaterThan(0);
    expect(some.items.every((order) => order.status === status)).to.equal(true);
  });

  it('a customer without orders reads an empty last page', async () => {
    const staff = clientOf(server, { kind: 'staff', scopes: ['customers:write'] });
    const customer = await staff.customers.create({ kind: 'person', name: `SDK no orders ${crypto.randomUUID().slice(0, 8)}` });
    expect(await clientOf(server, { kind: 'customer', subject: customer.id }).orders.list(customer.id)).to.deep.equal({ items: [], next: null });
  });

  it('refusals: another customer (forbidden), a staff token without customers:read (forbidden), an unknown id (not_found), limit 0 (validation on `limit`)', async () => {
    const staff = clientOf(server, { kind: 'staff', scopes: ['customers:write'] });
    const stranger = await staff.customers.create({ kind: 'person', name: `SDK stranger ${crypto.randomUUID().slice(0, 8)}` });
    const other = clientOf(server, { kind: 'customer', subject: stranger.id });
    expect((await kithError(other.orders.list(server.sampleCustomerId))).code).to.equal('forbidden');
    expect((await kithError(clientOf(server, { kind: 'staff', scopes: ['loyalty:read'] }).orders.list(server.sampleCustomerId))).code).to.equal('forbidden');
    expect((await kithError(clientOf(server, { kind: 'staff', scopes: ['customers:read'] }).orders.list(UNKNOWN_ID))).code).to.equal('not_found');
    const invalid = await kithError(clientOf(server, { kind: 'customer' }).orders.list(server.sampleCustomerId, { limit: 0 }));
    expect(invalid.code).to.equal('validation');
    expect(invalid.issues.map((issue) => issue.path.join('.'))).to.include('limit');
  });
});
