import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Staff, StaffRole } from './staff.js';
import { staff } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('Staff', () => {
  it('accepts every role', () => {
    for (const role of StaffRole.options) accepts(Staff, { ...staff, role });
  });
  it('rejects an unknown role, a bad e-mail, an empty name and unknown fields', () => {
    rejects(Staff, { ...staff, role: 'owner' }, ['role']);
    rejects(Staff, { ...staff, email: 'mia' }, ['email']);
    rejects(Staff, { ...staff, name: '  ' }, ['name']);
    rejects(Staff, { ...staff, password: 'x' });
  });
  it('infers the role union', () => {
    const role: Equal<Staff['role'], 'admin' | 'manager' | 'sales' | 'support'> = true;
    assert.ok(role);
  });
});
