import { expect } from '@open-wc/testing';
import type { Complaint, FeedbackPage, Review } from '@kith/schema';
import { serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { KithClient } from '../client.js';
import type { ReadState } from '../reads/types.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf, sent } from './fixtures.js';

describe("a shopper's own feedback (feedback.list with a customer token) against the real server", () => {
  let server: KithServerInfo;
  let moderator: KithClient;
  /** A customer of this suite alone, and their client. */
  let shopperId: string;
  let shopper: KithClient;

  before(async () => {
    server = await serverInfo();
    moderator = clientOf(server, { kind: 'staff', scopes: ['customers:write', 'feedback:read', 'feedback:moderate'] });
    shopperId = (await moderator.customers.create({ kind: 'person', name: `SDK shopper ${crypto.randomUUID().slice(0, 8)}` })).id;
    shopper = clientOf(server, { kind: 'customer', subject: shopperId });
  });

  const complaint = (subject: string) => ({
    kind: 'complaint' as const, category: 'delivery' as const, subject, body: 'Still waiting.', contact: { name: 'Shopper', email: 'shopper@example.com', phone: null },
  });

  it('lists only their own, every kind and status: a rejected review with its reason; filters apply; another customer is forbidden', async () => {
    const review = sent(await shopper.feedback.create({
      kind: 'review', productId: server.sampleProductId, rating: 2, title: 'Runs small', body: 'Had to send it back.', authorName: 'Shopper', language: 'en',
    })) as Review;
    const filed = sent(await shopper.feedback.create(complaint(`SDK own ${crypto.randomUUID().slice(0, 8)}`))) as Complaint;
    await moderator.feedback.moderate(review.id, { action: 'reject', reason: 'Names another shop' });

    const mine = await shopper.feedback.list({ limit: 100 });
    expect(mine.items.map((item) => item.id).sort()).to.deep.equal([review.id, filed.id].sort());
    expect(mine.items.find((item) => item.id === review.id)).to.include({ status: 'rejected', rejectionReason: 'Names another shop' });
    const complaints = await shopper.feedback.list({ kind: 'complaint' });
    expect(complaints.items.map((item) => item.id)).to.deep.equal([filed.id]);
    expect((await shopper.feedback.list({ customerId: shopperId })).items).to.have.length(2);
    expect((await kithError(shopper.feedback.list({ customerId: server.sampleCustomerId }))).code).to.equal('forbidden');
  });

  it('observed, it follows the shopper\'s own `customer:<id>` (never `inbox`): an answer to their complaint arrives live', async () => {
    const filed = sent(await shopper.feedback.create(complaint(`SDK live ${crypto.randomUUID().slice(0, 8)}`))) as Complaint;
    const watcher = clientOf(server, { kind: 'customer', subject: shopperId });
    const states: ReadState<FeedbackPage>[] = [];
    const stop = watcher.feedback.list({ kind: 'complaint', limit: 100 }).subscribe((state) => states.push(state));
    const status = () => {
      const item = states.filter((state) => state.status === 'fresh').at(-1)?.data?.items.find((f) => f.id === filed.id);
      return item?.kind === 'complaint' ? item.status : undefined;
    };
    try {
      for (let i = 0; i < 400 && (status() === undefined || watcher.live.status !== 'open'); i++) await new Promise((r) => setTimeout(r, 25));
      expect(status()).to.equal('open');
      // The stream the read opened is accepted: a customer token may follow its own topic.
      expect(watcher.live.status).to.equal('open');
      sent(await moderator.feedback.reply(filed.id, { body: 'A new parcel left today.' }));
      for (let i = 0; i < 400 && status() !== 'answered'; i++) await new Promise((r) => setTimeout(r, 25));
      expect(status()).to.equal('answered');
      expect(states.at(-1)?.source).to.equal('live');
    } finally {
      stop();
      watcher.close();
    }
  });
});
