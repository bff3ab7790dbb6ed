import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Product } from './product.js';
import { product } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('Product', () => {
  it('accepts the fixture and one with nothing optional', () => {
    accepts(Product, product);
    accepts(Product, { ...product, externalId: null, url: null, imageUrl: null, price: null });
  });
  it('rejects URLs that are not http(s)', () => {
    rejects(Product, { ...product, url: 'javascript:alert(1)' }, ['url']);
    rejects(Product, { ...product, imageUrl: 'data:image/png;base64,AAAA' }, ['imageUrl']);
    rejects(Product, { ...product, url: '/p/trench' }, ['url']);
  });
  it('rejects a negative or fractional price and an unknown currency', () => {
    rejects(Product, { ...product, price: { amount: -100, currency: 'CNY' } }, ['price', 'amount']);
    rejects(Product, { ...product, price: { amount: 599.5, currency: 'CNY' } }, ['price', 'amount']);
    rejects(Product, { ...product, price: { amount: 100, currency: 'XYZ' } }, ['price', 'currency']);
  });
  it('rejects empty, whitespace-only and over-long names, and unknown fields', () => {
    rejects(Product, { ...product, name: '' }, ['name']);
    rejects(Product, { ...product, name: ' \t ' }, ['name']);
    rejects(Product, { ...product, name: 'x'.repeat(201) }, ['name']);
    rejects(Product, { ...product, stock: 3 });
  });
  it('infers nullable price and url', () => {
    const price: Equal<Product['price'], { amount: number; currency: string } | null> = true;
    const url: Equal<Product['url'], string | null> = true;
    assert.ok(price && url);
  });
});
