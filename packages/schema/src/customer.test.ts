import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContactChannel, Customer, CustomerValue, LastContact, RfmScores } from './customer.js';
import type { InteractionDirection } from './interaction.js';
import { customer } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('Customer', () => {
  it('accepts the fixture and an organisation with empty lists', () => {
    accepts(Customer, customer);
    accepts(Customer, { ...customer, kind: 'organisation', channels: [], tags: [], credit: null, loyalty: null, lastContact: null });
  });
  it('lastContact: required (null when none), between customer and shop only, no text', () => {
    const { lastContact: _drop, ...withoutLastContact } = customer;
    rejects(Customer, withoutLastContact, ['lastContact']);
    const contact = { at: '2026-02-27T16:45:00.000Z', channel: 'email', direction: 'inbound', type: 'complaint' };
    accepts(LastContact, contact);
    rejects(LastContact, { ...contact, direction: 'internal' }, ['direction']);
    rejects(LastContact, { ...contact, summary: 'Called about the delivery' });
    rejects(LastContact, { ...contact, at: 'yesterday' }, ['at']);
  });
  it('rejects unknown fields, at the top and nested', () => {
    rejects(Customer, { ...customer, email: 'li.wei@example.com' });
    rejects(Customer, { ...customer, value: { ...customer.value, ltv: 1 } });
  });
  it('rejects an empty or over-long name and a version below 1', () => {
    rejects(Customer, { ...customer, name: '   ' }, ['name']);
    rejects(Customer, { ...customer, name: 'x'.repeat(201) }, ['name']);
    rejects(Customer, { ...customer, version: 0 }, ['version']);
  });
  it('rejects negative lifetime value and an unknown currency', () => {
    const value = { ...customer.value, lifetimeValue: { amount: -1, currency: 'CNY' } };
    rejects(CustomerValue, value, ['lifetimeValue', 'amount']);
    rejects(CustomerValue, { ...customer.value, lifetimeValue: { amount: 1, currency: 'RMB' } }, ['lifetimeValue', 'currency']);
  });
  it('RFM scores are 1 to 5', () => {
    rejects(RfmScores, { recency: 0, frequency: 3, monetary: 3 }, ['recency']);
    rejects(RfmScores, { recency: 3, frequency: 6, monetary: 3 }, ['frequency']);
  });
  it('limits channels and rejects an unknown channel kind', () => {
    const channel = { kind: 'email', value: 'a@b.co', preferred: false };
    rejects(Customer, { ...customer, channels: Array.from({ length: 21 }, () => channel) }, ['channels']);
    rejects(ContactChannel, { ...channel, kind: 'pigeon' }, ['kind']);
  });
  it('infers the kind union', () => {
    const kind: Equal<Customer['kind'], 'person' | 'organisation'> = true;
    assert.ok(kind);
    // A last contact's direction is an interaction direction (without `internal`).
    const direction: Equal<Exclude<InteractionDirection, 'internal'>, LastContact['direction']> = true;
    assert.ok(direction);
  });
});
