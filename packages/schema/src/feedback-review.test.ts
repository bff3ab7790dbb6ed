import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { NewReview, Review, ReviewReply } from './feedback-review.js';
import { newReview, review } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('Review', () => {
  it('accepts ratings 1 to 5 and every moderation status', () => {
    for (const rating of [1, 2, 3, 4, 5]) accepts(Review, { ...review, rating });
    for (const status of ['pending', 'published'] as const) accepts(Review, { ...review, status });
    accepts(Review, { ...review, status: 'rejected', rejectionReason: 'Off-topic' });
    accepts(Review, { ...review, status: 'rejected', rejectionReason: null });
  });
  it('rejects rating 0, 6 and half stars', () => {
    for (const rating of [0, 6, 4.5]) rejects(Review, { ...review, rating }, ['rating']);
  });
  it('a rejection reason belongs to a rejected review only', () => {
    rejects(Review, { ...review, status: 'published', rejectionReason: 'Spam' }, ['rejectionReason']);
  });
  it('bounds title, body and author name', () => {
    accepts(Review, { ...review, title: 'x'.repeat(150), body: 'x'.repeat(5_000), authorName: 'x'.repeat(80) });
    rejects(Review, { ...review, title: 'x'.repeat(151) }, ['title']);
    rejects(Review, { ...review, body: 'x'.repeat(5_001) }, ['body']);
    rejects(Review, { ...review, authorName: 'x'.repeat(81) }, ['authorName']);
    rejects(Review, { ...review, title: '  ' }, ['title']);
    rejects(Review, { ...review, body: '' }, ['body']);
  });
  it('needs a language tag and the review kind', () => {
    rejects(Review, { ...review, language: 'English' }, ['language']);
    rejects(Review, { ...review, kind: 'survey' }, ['kind']);
  });
  it('rejects unknown fields, also in the reply', () => {
    rejects(Review, { ...review, helpful: 3 });
    rejects(ReviewReply, { body: 'Thanks', staffId: null, repliedAt: review.createdAt, author: 'Mia' });
    rejects(Review, { ...review, reply: { body: ' ', staffId: null, repliedAt: review.createdAt } }, ['reply', 'body']);
  });
});

describe('NewReview', () => {
  it('accepts what a shopper writes', () => {
    accepts(NewReview, newReview);
  });
  it('refuses fields only the server sets', () => {
    rejects(NewReview, { ...newReview, verifiedPurchase: true });
    rejects(NewReview, { ...newReview, status: 'published' });
    rejects(NewReview, { ...newReview, customerId: review.customerId });
    rejects(NewReview, { ...newReview, id: review.id });
  });
  it('still checks the rating and the text', () => {
    rejects(NewReview, { ...newReview, rating: 6 }, ['rating']);
    rejects(NewReview, { ...newReview, body: '   ' }, ['body']);
    rejects(NewReview, { ...newReview, title: '\u3000\t' }, ['title']);
    rejects(NewReview, { ...newReview, authorName: 'x'.repeat(81) }, ['authorName']);
    rejects(NewReview, { ...newReview, title: 'half \ud83d pair' }, ['title']);
    rejects(NewReview, { ...newReview, body: 'nul \u0000' }, ['body']);
    rejects(NewReview, { ...newReview, email: 'not an address' }, ['email']);
  });
  it('keeps the shopper\'s words byte for byte (no trimming), and an optional e-mail', () => {
    const words = { title: '  Spaced  ', body: '\tBody with a tab\n', authorName: ' \u202eWei\u202c ' };
    assert.deepEqual(NewReview.parse({ ...newReview, ...words }), { ...newReview, ...words });
    assert.deepEqual(Review.parse({ ...review, ...words }), { ...review, ...words });
    accepts(NewReview, { ...newReview, email: 'shopper@example.com' });
    accepts(NewReview, { ...newReview, productId: 'SKU-123/blue' });
    rejects(NewReview, { ...newReview, productId: ' ' }, ['productId']);
    rejects(Review, { ...review, productId: 'SKU-123' }, ['productId']);
  });
  it('infers the kind literal and the submitted keys', () => {
    const kind: Equal<z.infer<typeof Review>['kind'], 'review'> = true;
    const keys: Equal<
      keyof NewReview,
      'kind' | 'productId' | 'rating' | 'title' | 'body' | 'authorName' | 'email' | 'language' | 'website' | 'fillMs'
    > = true;
    const reply: Equal<Review['reply'], ReviewReply | null> = true;
    assert.ok(kind && keys && reply);
  });
});
