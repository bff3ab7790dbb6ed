import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  COMPLAINT_ANSWER_HOURS,
  Complaint,
  ComplaintCategory,
  ComplaintContact,
  ComplaintStatus,
  NewComplaint,
  complaintDueAt,
  isOverdue,
} from './feedback-complaint.js';
import { complaint, newComplaint } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

const answeredAt = '2026-03-01T15:00:00.000Z';

describe('Complaint', () => {
  it('accepts every category and status', () => {
    for (const category of ComplaintCategory.options) accepts(Complaint, { ...complaint, category });
    for (const status of ComplaintStatus.options) accepts(Complaint, { ...complaint, status, answeredAt });
  });
  it('an answered or resolved complaint has an answer time', () => {
    rejects(Complaint, { ...complaint, status: 'answered' }, ['answeredAt']);
    rejects(Complaint, { ...complaint, status: 'resolved' }, ['answeredAt']);
    accepts(Complaint, { ...complaint, status: 'closed' });
  });
  it('bounds subject and body and rejects empty ones', () => {
    rejects(Complaint, { ...complaint, subject: 'x'.repeat(151) }, ['subject']);
    rejects(Complaint, { ...complaint, body: 'x'.repeat(5_001) }, ['body']);
    rejects(Complaint, { ...complaint, body: '\n' }, ['body']);
  });
  it('rejects unknown fields and an unknown category', () => {
    rejects(Complaint, { ...complaint, priority: 'high' });
    rejects(Complaint, { ...complaint, category: 'shipping' }, ['category']);
  });
});

describe('ComplaintContact', () => {
  it('needs an e-mail address or a phone number', () => {
    accepts(ComplaintContact, { name: 'Li', email: 'li@example.com', phone: null });
    accepts(ComplaintContact, { name: 'Li', email: null, phone: '+86 138 0013 8000' });
    accepts(ComplaintContact, { name: 'Li', email: 'li@example.com', phone: '+86 138 0013 8000' });
    rejects(ComplaintContact, { name: 'Li', email: null, phone: null }, ['email']);
    rejects(Complaint, { ...complaint, contact: { name: 'Li', email: null, phone: null } }, ['contact', 'email']);
  });
  it('rejects a malformed address or number and unknown fields', () => {
    rejects(ComplaintContact, { name: 'Li', email: 'li@', phone: null }, ['email']);
    rejects(ComplaintContact, { name: 'Li', email: null, phone: 'call me' }, ['phone']);
    rejects(ComplaintContact, { name: 'Li', email: 'li@example.com', phone: null, wechat: 'li' });
  });
});

describe('complaintDueAt', () => {
  it('is 24 hours after creation', () => {
    assert.equal(COMPLAINT_ANSWER_HOURS, 24);
    const due = complaintDueAt(new Date(complaint.createdAt));
    assert.equal(due.toISOString(), complaint.dueAt);
  });
  it('counts elapsed hours across a daylight-saving change', () => {
    // Europe moved clocks forward on 2026-03-29 at 01:00 UTC.
    assert.equal(complaintDueAt(new Date('2026-03-28T12:00:00Z')).toISOString(), '2026-03-29T12:00:00.000Z');
  });
  it('does not change its argument', () => {
    const created = new Date(complaint.createdAt);
    complaintDueAt(created);
    assert.equal(created.toISOString(), complaint.createdAt);
  });
});

describe('isOverdue', () => {
  const due = new Date(complaint.dueAt);
  const after = new Date(due.getTime() + 1);
  it('is false before and at the deadline, true after it', () => {
    assert.equal(isOverdue(complaint, new Date(due.getTime() - 1)), false);
    assert.equal(isOverdue(complaint, due), false);
    assert.equal(isOverdue(complaint, after), true);
    assert.equal(isOverdue({ ...complaint, status: 'in_progress' }, after), true);
  });
  it('is false once answered, resolved or closed', () => {
    assert.equal(isOverdue({ ...complaint, status: 'answered', answeredAt }, after), false);
    assert.equal(isOverdue({ ...complaint, status: 'resolved', answeredAt }, after), false);
    assert.equal(isOverdue({ ...complaint, status: 'closed' }, after), false);
    assert.equal(isOverdue({ ...complaint, status: 'in_progress', answeredAt }, after), false);
  });
});

describe('NewComplaint', () => {
  it('accepts what a shopper submits', () => {
    accepts(NewComplaint, newComplaint);
  });
  it('refuses status, deadline and customer', () => {
    rejects(NewComplaint, { ...newComplaint, status: 'closed' });
    rejects(NewComplaint, { ...newComplaint, dueAt: complaint.dueAt });
    rejects(NewComplaint, { ...newComplaint, customerId: null });
  });
  it('still needs a way to answer', () => {
    rejects(NewComplaint, { ...newComplaint, contact: { name: 'Ana', email: null, phone: null } }, ['contact', 'email']);
  });
  it('infers types', () => {
    const kind: Equal<Complaint['kind'], 'complaint'> = true;
    const keys: Equal<keyof NewComplaint, 'kind' | 'category' | 'subject' | 'body' | 'contact'> = true;
    const contact: Equal<NewComplaint['contact'], ComplaintContact> = true;
    const overdue: Equal<Parameters<typeof isOverdue>, [Pick<Complaint, 'status' | 'dueAt' | 'answeredAt'>, Date]> = true;
    assert.ok(kind && keys && contact && overdue);
  });
});
