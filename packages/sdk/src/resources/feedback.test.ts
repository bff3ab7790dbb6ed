import { expect } from '@open-wc/testing';
import type { CreatedFeedback, NewFeedback, Review } from '@kith/schema';
import { serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { KithClient } from '../client.js';
import type { WriteResult } from '../outbox/types.js';
import { kithError } from '../test-support/expect-errors.js';
import type { FeedbackResource } from './feedback.js';
import { clientOf, refused, sent } from './fixtures.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _create: Equal<Parameters<FeedbackResource['create']>, [feedback: NewFeedback]> = true;
const _created: Equal<ReturnType<FeedbackResource['create']>, Promise<WriteResult<CreatedFeedback>>> = true;

describe('feedback resource against the real server', () => {
  let server: KithServerInfo;
  /** Staff who read the inbox and moderate (the sample customer's owner). */
  let moderator: KithClient;
  /** A product that has published reviews. */
  let productId: string;

  before(async () => {
    server = await serverInfo();
    moderator = clientOf(server, { kind: 'staff', scopes: ['feedback:read', 'feedback:moderate'] });
    const published = await moderator.feedback.list({ kind: 'review', status: 'published', limit: 1 });
    const review = published.items[0];
    if (review?.kind !== 'review') expect.fail('the demo has published reviews');
    productId = review.productId;
  });

  const review = (title: string): NewFeedback => ({
    kind: 'review', productId, rating: 4, title, body: 'Fits well, the colour is as pictured.', authorName: 'SDK tester', language: 'en',
  });

  it('an anonymous review gets a receipt; staff find it pending, publish it, reply; the product page shows both', async () => {
    const title = `SDK review ${crypto.randomUUID().slice(0, 8)}`;
    const receipt = sent(await clientOf(server).feedback.create(review(title)));
    expect(receipt).to.include({ kind: 'review', title, status: 'pending', productId });
    expect(receipt).to.not.have.property('customerId');

    const pending = await moderator.feedback.list({ kind: 'review', status: 'pending', productId, limit: 100 });
    expect(pending.items.map((item) => item.id)).to.include(receipt.id);
    const stored = (await moderator.feedback.get(receipt.id)) as Review;
    expect(stored).to.include({ id: receipt.id, customerId: null, status: 'pending' });

    const published = await moderator.feedback.moderate(receipt.id, { action: 'publish' });
    expect(published).to.include({ id: receipt.id, status: 'published' });
    const replied = sent(await moderator.feedback.reply(receipt.id, { body: 'Thank you for the kind words!' }));
    expect(replied.kind === 'review' && replied.reply?.body).to.equal('Thank you for the kind words!');

    const page = await clientOf(server).reviews.list(productId, { sort: 'newest', limit: 100 });
    const shown = page.items.find((item) => item.id === receipt.id);
    expect(shown?.reply?.body).to.equal('Thank you for the kind words!');
  });

  it('a rejection needs a reason (validation on `reason`); a rejected review leaves the product page', async () => {
    const receipt = sent(await clientOf(server).feedback.create(review(`SDK reject ${crypto.randomUUID().slice(0, 8)}`)));
    const missing = await kithError(moderator.feedback.moderate(receipt.id, { action: 'reject' }));
    expect(missing.code).to.equal('validation');
    expect(missing.issues.map((issue) => issue.path.join('.'))).to.include('reason');
    const rejected = await moderator.feedback.moderate(receipt.id, { action: 'reject', reason: 'Off topic' });
    expect(rejected).to.include({ status: 'rejected', rejectionReason: 'Off topic' });
  });

  it("a customer's complaint is theirs; staff move it forward, answer it; it cannot go back (conflict with the current record)", async () => {
    const shopper = clientOf(server, { kind: 'customer' });
    const subject = `SDK complaint ${crypto.randomUUID().slice(0, 8)}`;
    const complaint = sent(
      await shopper.feedback.create({
        kind: 'complaint', category: 'delivery', subject, body: 'The parcel arrived two weeks late.',
        contact: { name: 'Olivia', email: 'olivia@example.com', phone: null },
      }),
    );
    expect(complaint).to.include({ kind: 'complaint', customerId: server.sampleCustomerId, status: 'open', subject });
    expect((await shopper.feedback.get(complaint.id)).id).to.equal(complaint.id);

    const overdueFirst = await moderator.feedback.list({ kind: 'complaint', customerId: server.sampleCustomerId, limit: 100 });
    expect(overdueFirst.items.map((item) => item.id)).to.include(complaint.id);
    expect(sent(await moderator.feedback.setStatus(complaint.id, { status: 'in_progress' })).status).to.equal('in_progress');
    const answered = sent(await moderator.feedback.reply(complaint.id, { body: 'We are sorry; a voucher is on its way.' }));
    expect(answered.kind === 'complaint' && answered.status).to.equal('answered');
    const back = refused(await moderator.feedback.setStatus(complaint.id, { status: 'open' }));
    expect(back.code).to.equal('conflict');
    expect(back.current).to.deep.include({ id: complaint.id, status: 'answered' });
  });

  it('refusals: an invalid rating (validation on `rating`); the inbox to a publishable key (forbidden); an unknown id (not_found)', async () => {
    const invalid = refused(await clientOf(server).feedback.create({ ...review('Too many stars'), rating: 6 } as NewFeedback));
    expect(invalid.code).to.equal('validation');
    expect(invalid.issues.map((issue) => issue.path.join('.'))).to.include('rating');
    expect((await kithError(clientOf(server).feedback.list())).code).to.equal('forbidden');
    expect((await kithError(moderator.feedback.get(UNKNOWN_ID))).code).to.equal('not_found');
  });
});
