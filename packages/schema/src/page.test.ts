import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { Customer } from './customer.js';
import { type Page, PageQuery, page } from './page.js';
import { customer } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('page', () => {
  const CustomerPage = page(Customer);
  it('accepts a last page and a page with a cursor', () => {
    accepts(CustomerPage, { items: [customer], next: null });
    accepts(CustomerPage, { items: [], next: 'eyJpZCI6MX0' });
  });
  it('validates every item and rejects an empty cursor or unknown fields', () => {
    rejects(CustomerPage, { items: [{ ...customer, version: 0 }], next: null }, ['items', 0, 'version']);
    rejects(CustomerPage, { items: [], next: '' }, ['next']);
    rejects(CustomerPage, { items: [], next: null, total: 0 });
  });
  it('the written Page<T> type equals the inferred one', () => {
    const same: Equal<z.infer<typeof CustomerPage>, Page<Customer>> = true;
    assert.ok(same);
  });
});

describe('PageQuery', () => {
  it('coerces the limit from a query string', () => {
    assert.deepEqual(accepts(PageQuery, { limit: '25' }), { limit: 25 });
    accepts(PageQuery, {});
  });
  it('rejects limits outside 1..100 or fractional, and unknown parameters', () => {
    for (const limit of ['0', '101', '2.5', 'ten', '']) rejects(PageQuery, { limit }, ['limit']);
    rejects(PageQuery, { offset: '10' });
  });
});
