import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Order, OrderLine, OrderStatus } from './order.js';
import { order } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

const [line] = order.lines;
if (!line) throw new Error('the order fixture has lines');
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('Order', () => {
  it('accepts the fixture in every status', () => {
    for (const status of OrderStatus.options) accepts(Order, { ...order, status });
  });
  it('rejects an order without lines and an unknown status', () => {
    rejects(Order, { ...order, lines: [] }, ['lines']);
    rejects(Order, { ...order, status: 'lost' }, ['status']);
  });
  it('requires the shop\'s order number', () => {
    rejects(Order, { ...order, externalId: null }, ['externalId']);
    rejects(Order, { ...order, externalId: '' }, ['externalId']);
  });
  it('rejects negative or fractional totals', () => {
    rejects(Order, { ...order, discount: { amount: -5_000, currency: 'CNY' } }, ['discount', 'amount']);
    rejects(Order, { ...order, total: { amount: 571.5, currency: 'CNY' } }, ['total', 'amount']);
  });
  it('rejects mixed currencies, naming the field that differs', () => {
    rejects(Order, { ...order, shipping: usd(1_200) }, ['shipping', 'currency']);
    rejects(Order, { ...order, lines: [{ ...line, unitPrice: usd(59_900) }] }, ['lines', 0, 'unitPrice', 'currency']);
    rejects(Order, { ...order, lines: [line, { ...line, total: usd(1) }] }, ['lines', 1, 'total', 'currency']);
  });
  it('accepts an order entirely in another currency', () => {
    const all = { ...order, lines: [{ ...line, unitPrice: usd(10), total: usd(10) }] };
    accepts(Order, { ...all, subtotal: usd(10), discount: usd(0), tax: usd(1), shipping: usd(0), total: usd(11) });
  });
  it('rejects unknown fields, at the top and in a line', () => {
    rejects(Order, { ...order, coupon: 'SPRING' });
    rejects(Order, { ...order, lines: [{ ...line, sku: 'X' }] });
  });
});

describe('OrderLine', () => {
  it('needs a quantity of at least one whole item', () => {
    rejects(OrderLine, { ...line, quantity: 0 }, ['quantity']);
    rejects(OrderLine, { ...line, quantity: 1.5 }, ['quantity']);
  });
  it('accepts a line for an unknown product', () => {
    accepts(OrderLine, { ...line, productId: null, externalProductId: null });
  });
  it('infers lines and status', () => {
    const lines: Equal<Order['lines'], OrderLine[]> = true;
    const status: Equal<Order['status'], OrderStatus> = true;
    const productId: Equal<OrderLine['productId'], string | null> = true;
    assert.ok(lines && status && productId);
  });
});
