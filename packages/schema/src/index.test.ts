import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import * as schema from './index.js';
import * as fixtures from './test-support/fixtures.js';
import { accepts } from './test-support/assert.js';

describe('index', () => {
  it('exports every schema of the domain', () => {
    const names = [
      'Currency', 'Id', 'Timestamp', 'CalendarDate', 'Money', 'SignedMoney', 'BasisPoints', 'Email', 'Phone', 'WebUrl',
      'ErrorEnvelope', 'PageQuery', 'Customer', 'Product', 'OrderStatus', 'OrderLine', 'Order', 'StaffRole', 'Staff',
      'InteractionChannel', 'InteractionType', 'InteractionDirection', 'InteractionPhase', 'Interaction',
      'NewInteraction', 'StageKind', 'Stage', 'Pipeline', 'Rank', 'Opportunity', 'FeedbackKind', 'ModerationStatus',
      'Review', 'NewReview', 'SurveyMetric', 'Survey', 'NewSurvey', 'ComplaintStatus', 'ComplaintCategory',
      'Complaint', 'NewComplaint', 'Feedback', 'NewFeedback', 'LedgerReason', 'Tier', 'LoyaltyProgram',
      'LoyaltyAccount', 'LedgerEntry', 'Health',
    ];
    const exported: Record<string, unknown> = schema;
    for (const name of names) assert.ok(exported[name] instanceof z.core.$ZodType, `${name} is exported`);
    assert.equal(schema.COMPLAINT_ANSWER_HOURS, 24);
    assert.equal(typeof schema.complaintDueAt, 'function');
    assert.equal(typeof schema.isOverdue, 'function');
    assert.equal(typeof schema.page, 'function');
  });
});

describe('fixtures', () => {
  it('are all valid', () => {
    const pairs: [z.core.$ZodType, unknown][] = [
      [schema.Customer, fixtures.customer],
      [schema.Staff, fixtures.staff],
      [schema.Product, fixtures.product],
      [schema.Order, fixtures.order],
      [schema.Interaction, fixtures.interaction],
      [schema.NewInteraction, fixtures.newInteraction],
      [schema.Pipeline, fixtures.pipeline],
      [schema.Opportunity, fixtures.opportunity],
      [schema.Review, fixtures.review],
      [schema.Survey, fixtures.survey],
      [schema.Complaint, fixtures.complaint],
      [schema.NewReview, fixtures.newReview],
      [schema.NewSurvey, fixtures.newSurvey],
      [schema.NewComplaint, fixtures.newComplaint],
      [schema.LoyaltyProgram, fixtures.loyaltyProgram],
      [schema.LoyaltyAccount, fixtures.loyaltyAccount],
      [schema.LedgerEntry, fixtures.ledgerEntry],
      [schema.Health, fixtures.health],
    ];
    for (const [s, value] of pairs) assert.deepEqual(accepts(s, value), value);
    for (const id of Object.values(fixtures.ids)) accepts(schema.Id, id);
  });
  it('parsing returns a copy and leaves the fixture alone', () => {
    const parsed = accepts(schema.Order, fixtures.order);
    assert.notEqual(parsed, fixtures.order);
    assert.deepEqual(parsed, fixtures.order);
  });
});
