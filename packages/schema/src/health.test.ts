import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Health } from './health.js';
import { health } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('Health', () => {
  it('accepts both databases', () => {
    accepts(Health, health);
    accepts(Health, { ...health, database: 'postgres' });
  });
  it('rejects another status, an unknown database, an empty version and unknown fields', () => {
    rejects(Health, { ...health, status: 'degraded' }, ['status']);
    rejects(Health, { ...health, database: 'sqlite' }, ['database']);
    rejects(Health, { ...health, version: '' }, ['version']);
    rejects(Health, { ...health, uptime: 12 });
  });
  it('infers literal types', () => {
    const status: Equal<Health['status'], 'ok'> = true;
    const database: Equal<Health['database'], 'pglite' | 'postgres'> = true;
    assert.ok(status && database);
  });
});
