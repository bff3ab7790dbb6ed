/**
 * Valid example records of every schema, for tests in any package
 * (`import { order } from '@kith/schema/fixtures'`). Typed with the inferred types, so a
 * schema change that breaks them fails type checking; `fixtures.test.ts` parses each one.
 * Treat them as read-only: copy (`structuredClone`, spread) before changing one.
 */
import type { Complaint, NewComplaint } from '../feedback-complaint.js';
import type { NewReview, Review } from '../feedback-review.js';
import type { NewSurvey, Survey } from '../feedback-survey.js';
import type { Customer } from '../customer.js';
import type { Health } from '../health.js';
import type { Interaction, NewInteraction } from '../interaction.js';
import type { LedgerEntry } from '../loyalty-ledger.js';
import type { LoyaltyProgram } from '../loyalty-program.js';
import type { LoyaltyAccount } from '../loyalty.js';
import type { Opportunity } from '../opportunity.js';
import type { Order } from '../order.js';
import type { Pipeline } from '../pipeline.js';
import type { Product } from '../product.js';
import type { Staff } from '../staff.js';

/** Fixed UUIDs (version 7 layout), so records point at one another. */
export const ids = {
  customer: '01920000-0000-7000-8000-000000000001',
  organisation: '01920000-0000-7000-8000-000000000002',
  staff: '01920000-0000-7000-8000-000000000003',
  product: '01920000-0000-7000-8000-000000000004',
  order: '01920000-0000-7000-8000-000000000005',
  interaction: '01920000-0000-7000-8000-000000000006',
  pipeline: '01920000-0000-7000-8000-000000000007',
  stageLead: '01920000-0000-7000-8000-000000000008',
  stageWon: '01920000-0000-7000-8000-000000000009',
  stageLost: '01920000-0000-7000-8000-00000000000a',
  opportunity: '01920000-0000-7000-8000-00000000000b',
  review: '01920000-0000-7000-8000-00000000000c',
  survey: '01920000-0000-7000-8000-00000000000d',
  complaint: '01920000-0000-7000-8000-00000000000e',
  program: '01920000-0000-7000-8000-00000000000f',
  tierMember: '01920000-0000-7000-8000-000000000010',
  tierSenior: '01920000-0000-7000-8000-000000000011',
  ledgerEntry: '01920000-0000-7000-8000-000000000012',
} as const;

const created = '2026-03-01T09:30:00.000Z';
const updated = '2026-03-02T10:00:00.000Z';

/** A private customer with value, credit and loyalty filled in. */
export const customer: Customer = {
  id: ids.customer,
  externalId: 'shop-user-1042',
  kind: 'person',
  name: 'Li Wei',
  company: null,
  organisationId: null,
  role: null,
  channels: [
    { kind: 'email', value: 'li.wei@example.com', preferred: true },
    { kind: 'mobile', value: '+86 138 0013 8000', preferred: false },
  ],
  ownerId: ids.staff,
  tags: ['vip', 'early-adopter'],
  locale: 'zh-Hans',
  value: {
    lifetimeValue: { amount: 129_900, currency: 'CNY' },
    orderCount: 7,
    firstOrderAt: '2025-01-12T08:00:00.000Z',
    lastOrderAt: '2026-02-20T13:15:00.000Z',
    rfm: { recency: 5, frequency: 4, monetary: 5 },
    segment: 'champion',
    keyAccount: true,
    churnRisk: { level: 'low', score: 800 },
  },
  credit: { limit: { amount: 500_000, currency: 'CNY' }, used: { amount: -2_000, currency: 'CNY' }, rating: 'A' },
  loyalty: { programId: ids.program, tierId: ids.tierSenior, tierName: 'Senior member', points: 1_250 },
  lastContact: { at: '2026-02-27T16:45:00.000Z', channel: 'phone', direction: 'outbound', type: 'call' },
  version: 3,
  createdAt: created,
  updatedAt: updated,
};

/** A staff user in sales. */
export const staff: Staff = {
  id: ids.staff,
  name: 'Mia Chen',
  email: 'mia.chen@shop.example',
  role: 'sales',
  createdAt: created,
};

/** A catalogue product with a price. */
export const product: Product = {
  id: ids.product,
  externalId: 'SKU-TRENCH-42',
  name: 'Trench coat, sand',
  url: 'https://shop.example/p/trench-coat-sand',
  imageUrl: 'https://cdn.shop.example/img/trench-sand.jpg',
  price: { amount: 59_900, currency: 'CNY' },
  createdAt: created,
  updatedAt: updated,
};

/** A delivered order of two lines, every amount in CNY. */
export const order: Order = {
  id: ids.order,
  externalId: 'ORD-2026-000123',
  customerId: ids.customer,
  status: 'delivered',
  lines: [
    {
      productId: ids.product,
      externalProductId: 'SKU-TRENCH-42',
      name: 'Trench coat, sand',
      quantity: 1,
      unitPrice: { amount: 59_900, currency: 'CNY' },
      total: { amount: 59_900, currency: 'CNY' },
    },
    {
      productId: null,
      externalProductId: null,
      name: 'Gift wrap',
      quantity: 2,
      unitPrice: { amount: 500, currency: 'CNY' },
      total: { amount: 1_000, currency: 'CNY' },
    },
  ],
  subtotal: { amount: 60_900, currency: 'CNY' },
  discount: { amount: 5_000, currency: 'CNY' },
  tax: { amount: 0, currency: 'CNY' },
  shipping: { amount: 1_200, currency: 'CNY' },
  total: { amount: 57_100, currency: 'CNY' },
  placedAt: '2026-02-20T13:15:00.000Z',
  createdAt: created,
  updatedAt: updated,
};

/** A logged phone call about that order, after the sale. */
export const interaction: Interaction = {
  id: ids.interaction,
  customerId: ids.customer,
  channel: 'phone',
  type: 'call',
  direction: 'inbound',
  phase: 'after_sale',
  summary: 'Asked how to return the trench coat',
  body: 'Explained the 30-day return by web form; sent the link by SMS.',
  staffId: ids.staff,
  occurredAt: '2026-02-25T11:00:00.000Z',
  createdAt: '2026-02-25T11:05:00.000Z',
  refs: { orderId: ids.order },
};

/** A note as a client sends it: no id, server-side times. */
export const newInteraction: NewInteraction = {
  customerId: ids.customer,
  channel: 'visit',
  type: 'note',
  direction: 'internal',
  phase: 'pre_sale',
  summary: 'Interested in the autumn collection',
  body: null,
  staffId: ids.staff,
};

/** A three-stage pipeline: one open, won and lost. */
export const pipeline: Pipeline = {
  id: ids.pipeline,
  name: 'Key accounts',
  currency: 'CNY',
  stages: [
    { id: ids.stageLead, pipelineId: ids.pipeline, name: 'Lead', position: 0, probability: 2_000, kind: 'open' },
    { id: ids.stageWon, pipelineId: ids.pipeline, name: 'Won', position: 1, probability: 10_000, kind: 'won' },
    { id: ids.stageLost, pipelineId: ids.pipeline, name: 'Lost', position: 2, probability: 0, kind: 'lost' },
  ],
  createdAt: created,
};

/** An open deal in the lead stage. */
export const opportunity: Opportunity = {
  id: ids.opportunity,
  pipelineId: ids.pipeline,
  stageId: ids.stageLead,
  customerId: ids.customer,
  title: 'Autumn staff uniforms',
  amount: { amount: 2_400_000, currency: 'CNY' },
  expectedClose: '2026-09-30',
  ownerId: ids.staff,
  rank: 'a0',
  version: 1,
  createdAt: created,
  updatedAt: updated,
};

/** A published review with the shop's reply. */
export const review: Review = {
  kind: 'review',
  id: ids.review,
  productId: ids.product,
  customerId: ids.customer,
  rating: 4,
  title: 'Warm and well cut',
  body: 'Fits true to size; the belt could be longer.',
  authorName: 'Wei L.',
  email: 'wei@example.com',
  language: 'en',
  verifiedPurchase: true,
  status: 'published',
  rejectionReason: null,
  reply: { body: 'Thank you! A longer belt is on its way.', staffId: ids.staff, repliedAt: updated },
  createdAt: created,
  updatedAt: updated,
};

/** An NPS answer from a promoter. */
export const survey: Survey = {
  kind: 'survey',
  id: ids.survey,
  customerId: ids.customer,
  metric: 'nps',
  score: 9,
  comment: null,
  createdAt: created,
};

/** An open complaint about a late delivery, due 24 h after it was made. */
export const complaint: Complaint = {
  kind: 'complaint',
  id: ids.complaint,
  customerId: null,
  category: 'delivery',
  subject: 'Parcel is a week late',
  body: 'Order ORD-2026-000123 has not arrived yet.',
  contact: { name: 'Li Wei', email: 'li.wei@example.com', phone: null },
  status: 'open',
  dueAt: '2026-03-02T09:30:00.000Z',
  answeredAt: null,
  reply: null,
  createdAt: created,
  updatedAt: created,
};

/** A review as a shopper submits it. */
export const newReview: NewReview = {
  kind: 'review',
  productId: ids.product,
  rating: 5,
  title: 'Love it',
  body: 'Exactly as pictured.',
  authorName: 'Ana',
  language: 'pt-BR',
};

/** A CES answer as a shopper submits it. */
export const newSurvey: NewSurvey = { kind: 'survey', metric: 'ces', score: 2, comment: 'Easy return.' };

/** A complaint as a shopper submits it, reachable by phone only. */
export const newComplaint: NewComplaint = {
  kind: 'complaint',
  category: 'product',
  subject: 'Seam came apart',
  body: 'After two washes the left sleeve seam opened.',
  contact: { name: 'Ana Souza', email: null, phone: '+55 11 91234-5678' },
};

/** Ordinary and senior members; 1 point per ¥1.00 spent. */
export const loyaltyProgram: LoyaltyProgram = {
  id: ids.program,
  name: 'Kith Club',
  pointsPerUnit: { points: 1, per: { amount: 100, currency: 'CNY' } },
  tiers: [
    {
      id: ids.tierMember,
      programId: ids.program,
      name: 'Member',
      threshold: 0,
      benefits: ['Birthday coupon'],
      position: 0,
    },
    {
      id: ids.tierSenior,
      programId: ids.program,
      name: 'Senior member',
      threshold: 1_000,
      benefits: ['Free returns', 'Priority service'],
      position: 1,
    },
  ],
};

/** A senior member in the top tier. */
export const loyaltyAccount: LoyaltyAccount = {
  customerId: ids.customer,
  programId: ids.program,
  balance: 1_250,
  lifetimePoints: 1_800,
  tierId: ids.tierSenior,
  tierExpiresAt: null,
  nextTier: null,
};

/** Points earned by the order. */
export const ledgerEntry: LedgerEntry = {
  id: ids.ledgerEntry,
  customerId: ids.customer,
  programId: ids.program,
  reason: 'purchase',
  points: 571,
  note: null,
  orderId: ids.order,
  createdAt: created,
};

/** A healthy server on the embedded database. */
export const health: Health = { status: 'ok', version: '0.1.0', database: 'pglite', time: created };
