// A shopper's review from the form to the product page, across the three review widgets and the
// loyalty badge, against the real server: written with the shopper's token in <kith-feedback>,
// published by a moderator through the API, then shown live in <kith-reviews> while the badge
// shows the points the publication earned.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type ClientOptions, type KithClient } from '@kith/sdk';
import '@kith/elements/feedback.js';
import '@kith/elements/loyalty-badge.js';
import '@kith/elements/reviews.js';
import type { KithFeedback, KithFeedbackSubmitEvent } from '@kith/elements/feedback.js';
import type { KithLoyaltyBadge } from '@kith/elements/loyalty-badge.js';
import type { KithReviews } from '@kith/elements/reviews.js';
import { expectAccessible } from './support/accessibility.js';
import { mintToken, serverInfo, type KithServerInfo } from './support/server-commands.js';

const squash = (value: string | null | undefined) => (value ?? '').trim().replace(/\s+/g, ' ');
const part = (el: Element, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

let server: KithServerInfo;

function clientWith(options: Partial<ClientOptions> = {}): KithClient {
  const name = `kith-review-e2e-${crypto.randomUUID()}`;
  return createClient({ baseUrl: server.url, key: server.publishableKey, cache: { name: `${name}-cache` }, outbox: { name: `${name}-outbox` }, ...options });
}

const balanceOf = (badge: KithLoyaltyBadge) => Number(squash(part(badge, 'balance')?.textContent).replace(/\D/g, ''));

describe('a review, end to end', () => {
  before(async () => {
    server = await serverInfo();
  });

  it('written in the form, published by a moderator, appears live on the product page and earns points', async function () {
    this.timeout(60_000);
    // A shopper of this test alone (no other test moves their balance), with their own token.
    const staffToken = (await mintToken({ kind: 'staff', scopes: ['customers:read', 'customers:write', 'loyalty:adjust', 'feedback:read', 'feedback:moderate'] })).token;
    const staff = clientWith({ token: () => staffToken, cache: false });
    const shopperRecord = await staff.customers.create({ kind: 'person', name: `Reviewer ${crypto.randomUUID().slice(0, 8)}` });
    await staff.loyalty.adjust(shopperRecord.id, { points: 100, note: 'Welcome gift' });
    const shopperToken = (await mintToken({ kind: 'customer', subject: shopperRecord.id })).token;
    const shopper = clientWith({ token: () => shopperToken });
    const visitor = clientWith();

    const page = await fixture<HTMLElement>(html`<div style="width: 360px">
      <kith-loyalty-badge .client=${shopper} customer-id=${shopperRecord.id} locale="en-US"></kith-loyalty-badge>
      <kith-reviews .client=${visitor} product=${server.sampleProductSku} locale="en-US"></kith-reviews>
      <kith-feedback .client=${shopper} product=${server.sampleProductSku} locale="en-US"></kith-feedback>
    </div>`);
    const badge = page.querySelector('kith-loyalty-badge') as KithLoyaltyBadge;
    const reviews = page.querySelector('kith-reviews') as KithReviews;
    const form = page.querySelector('kith-feedback') as KithFeedback;
    await form.ready();
    const shownAt = performance.now();
    await waitUntil(() => balanceOf(badge) === 100, 'the badge never showed the welcome points', { timeout: 10_000 });
    await waitUntil(() => reviews.status === 'ready', 'the reviews never loaded', { timeout: 10_000 });

    // The shopper writes: stars by keyboard, then the fields.
    const title = `End to end ${crypto.randomUUID().slice(0, 8)}`;
    form.shadowRoot?.querySelector<HTMLInputElement>('#star-5')?.focus();
    await sendKeys({ press: 'ArrowLeft' }); // 5 → 4 stars
    for (const [field, value] of [['title', title], ['body', 'Bought it for the winter: warm, light, well sewn.'], ['authorName', 'Lin']] as const) {
      form.shadowRoot?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
      await sendKeys({ type: value });
    }
    // A person takes longer than the server's minimum fill time (3 s).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3_200 - (performance.now() - shownAt))));
    const submitted = oneEvent(form, 'kith-feedback-submit') as Promise<KithFeedbackSubmitEvent>;
    part(form, 'submit')?.click();
    expect((await submitted).detail.status).to.equal('sent');
    expect(squash(part(form, 'receipt')?.textContent)).to.contain('It will appear once the shop has checked it.');

    // Not shown before a moderator publishes it.
    const titles = () => [...(reviews.shadowRoot?.querySelectorAll('[part~="review-title"]') ?? [])].map((node) => squash(node.textContent));
    expect(titles()).to.not.include(title);

    // A moderator publishes it through the API.
    const inbox = await staff.feedback.list({ kind: 'review', productId: server.sampleProductId, status: 'pending', limit: 100 });
    const review = inbox.items.find((item) => item.kind === 'review' && item.title === title);
    expect(review, 'the review waits for moderation').to.not.equal(undefined);
    expect(review).to.include({ rating: 4, customerId: shopperRecord.id, status: 'pending' });
    await staff.feedback.moderate(review?.id ?? '', { action: 'publish' });

    // The product page shows it live, and the badge the points it earned.
    await waitUntil(() => titles().includes(title), 'the published review never appeared on the product page', { timeout: 15_000 });
    const ledger = await clientWith({ token: () => shopperToken, cache: false }).loyalty.ledger(shopperRecord.id);
    const earned = ledger.items.filter((entry) => entry.reason === 'review').reduce((sum, entry) => sum + entry.points, 0);
    expect(earned, 'the publication earned review points').to.be.greaterThan(0);
    await waitUntil(() => balanceOf(badge) === 100 + earned, `the badge never showed ${100 + earned} points`, { timeout: 15_000 });
    await expectAccessible(reviews);
    await expectAccessible(badge);
  });
});
