import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OrderListQuery, OrderPage } from './api-orders.js';
import type { Order } from './order.js';
import { order } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

const _items: Equal<OrderPage['items'], Order[]> = true;

describe('OrderListQuery', () => {
  it('takes a page size and cursor as every list, and one order status', () => {
    assert.deepEqual(accepts(OrderListQuery, { limit: '5', cursor: 'abc', status: 'shipped' }), { limit: 5, cursor: 'abc', status: 'shipped' });
    assert.deepEqual(accepts(OrderListQuery, {}), {});
  });
  it('refuses an unknown status, a page over 100 and unknown parameters', () => {
    rejects(OrderListQuery, { status: 'lost' }, ['status']);
    rejects(OrderListQuery, { limit: '101' }, ['limit']);
    rejects(OrderListQuery, { customerId: order.customerId });
  });
});

describe('OrderPage', () => {
  it('is a cursor page of orders, each checked as an order', () => {
    accepts(OrderPage, { items: [order], next: null });
    rejects(OrderPage, { items: [{ ...order, lines: [] }], next: 'abc' }, ['items', 0, 'lines']);
  });
});
