import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { KithClient } from '@kith/sdk';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import { serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { offlineWrites } from '../feedback/feedback.test-support.js';
import {
  fits, focusedPart, HOUR, makeComplaint, makeReview, makeSurvey, MINUTE, mount, nextAction, part, parts, staffClient, text,
} from './inbox-item.test-support.js';

let server: KithServerInfo;
let staff: KithClient;

describe('<kith-feedback-inbox-item>', () => {
  before(async () => {
    // A server of its own: these writes do not count against the shared server's write limits.
    server = await serverInfo({ isolated: true });
    staff = staffClient(server);
  });

  it('says when a complaint is due, overdue or settled, at the clock it is given', async () => {
    const complaint = await makeComplaint(server, staff);
    const due = Date.parse(complaint.dueAt);
    const el = await mount(complaint, staff, { now: due - 3 * HOUR });
    const line = () => part(el, 'deadline');
    expect(text(el, 'deadline')).to.equal('Answer due in 3 h');
    expect(line()?.dataset['state']).to.equal('due');
    el.now = due - 45 * MINUTE;
    await el.updateComplete;
    expect(text(el, 'deadline')).to.equal('Answer due in 45 min');
    el.now = due + 2 * HOUR + 59 * MINUTE;
    await el.updateComplete;
    expect(text(el, 'deadline')).to.equal('Overdue by 2 h');
    expect(line()?.dataset['state']).to.equal('overdue');
    expect(fits(el), 'the item fits 360 px').to.equal(true);
    await expectAccessible(el);

    await staff.feedback.reply(complaint.id, { body: 'We are sorry: a new parcel is on its way.' });
    el.item = await staff.feedback.get(complaint.id);
    await el.updateComplete;
    expect(text(el, 'deadline')).to.match(/^Answered .*\d/);
    expect(line()?.dataset['state']).to.equal('settled');
    expect(text(el, 'reply')).to.contain('We are sorry: a new parcel is on its way.');
  });

  it('shows a review with what staff need, and publishes it by keyboard', async () => {
    const review = await makeReview(server, staff);
    const el = await mount(review, staff);
    expect(text(el, 'heading')).to.equal(`Review ${review.title}`);
    expect(part(el, 'stars')?.getAttribute('aria-label')).to.equal('Rated 4 out of 5');
    expect(text(el, 'badge')).to.equal('Pending');
    expect(text(el, 'facts')).to.contain('ann@shop.example').and.to.contain(server.sampleProductId);
    expect(parts(el, 'action-button').map((button) => button.textContent?.trim())).to.deep.equal(['Publish', 'Reject', 'Reply']);
    await expectAccessible(el);

    let fired = 0;
    el.addEventListener('kith-inbox-action', () => fired++);
    el.item = { ...review };
    await el.updateComplete;
    expect(fired, 'setting a property fires nothing').to.equal(0);

    part(el, 'item')?.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(el)).to.contain('publish-button');
    const acted = nextAction(el);
    await sendKeys({ press: 'Enter' });
    const { detail } = await acted;
    expect(detail.action).to.equal('publish');
    expect(detail.status).to.equal('sent');
    expect(detail.item.kind === 'review' && detail.item.status).to.equal('published');
    const stored = await staff.feedback.get(review.id);
    expect(stored.kind === 'review' && stored.status).to.equal('published');
    await el.updateComplete;
    expect(text(el, 'badge')).to.equal('Published');
    expect(text(el, 'message')).to.equal('Published.');
    expect(part(el, 'publish-button') === null, 'a published review offers no Publish').to.equal(true);
    expect(el.shadowRoot?.activeElement !== null, 'focus stays in the item').to.equal(true);
  });

  it('refuses a rejection without a reason, then rejects with one', async () => {
    const review = await makeReview(server, staff);
    const el = await mount(review, staff);
    part(el, 'reject-button')?.click();
    await el.updateComplete;
    await waitUntil(() => focusedPart(el) === 'field', 'the reason field never took focus');
    expect(part(el, 'reject-button')?.getAttribute('aria-expanded')).to.equal('true');
    part(el, 'send-button')?.click();
    await el.updateComplete;
    expect(text(el, 'field-message')).to.equal('Give a reason to reject this review.');
    expect(part(el, 'field')?.getAttribute('aria-invalid')).to.equal('true');
    expect(focusedPart(el)).to.equal('field');
    const untouched = await staff.feedback.get(review.id);
    expect(untouched.kind === 'review' && untouched.status).to.equal('pending');
    await expectAccessible(el);

    await sendKeys({ type: 'Advertising' });
    expect(text(el, 'counter')).to.equal('11 of 300 characters');
    const acted = nextAction(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const { detail } = await acted;
    expect(detail.action).to.equal('reject');
    const stored = await staff.feedback.get(review.id);
    expect(stored.kind === 'review' && [stored.status, stored.rejectionReason]).to.deep.equal(['rejected', 'Advertising']);
    await el.updateComplete;
    expect(text(el, 'badge')).to.equal('Rejected');
    expect(text(el, 'facts')).to.contain('Advertising');
    expect(part(el, 'form') === null, 'the form closes').to.equal(true);
  });

  it('replies under a review, and edits the reply', async () => {
    const review = await makeReview(server, staff);
    const el = await mount(review, staff);
    part(el, 'reply-button')?.click();
    await waitUntil(() => focusedPart(el) === 'field', 'the reply field never took focus');
    await sendKeys({ type: 'Thank you, Ann!' });
    expect(text(el, 'counter')).to.equal('15 of 5,000 characters');
    const acted = nextAction(el);
    part(el, 'send-button')?.click();
    expect((await acted).detail).to.include({ action: 'reply', status: 'sent' });
    const stored = await staff.feedback.get(review.id);
    expect(stored.kind === 'review' && stored.reply?.body).to.equal('Thank you, Ann!');
    await el.updateComplete;
    expect(text(el, 'reply')).to.contain('Thank you, Ann!');
    expect(text(el, 'reply-button')).to.equal('Edit reply');

    part(el, 'reply-button')?.click();
    await waitUntil(() => focusedPart(el) === 'field', 'the reply field never took focus again');
    expect((part(el, 'field') as HTMLTextAreaElement).value, 'the reply is there to edit').to.equal('Thank you, Ann!');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(el, 'form') === null, 'Escape never closed the form');
    await waitUntil(() => focusedPart(el).includes('reply-button'), 'focus never went back to the button');
  });

  it('answers a complaint (the server marks it answered) and moves it forward only', async () => {
    const complaint = await makeComplaint(server, staff);
    const el = await mount(complaint, staff);
    expect(parts(el, 'status-button').map((button) => button.textContent?.trim())).to.deep.equal(['In progress', 'Resolved', 'Close']);
    const moved = nextAction(el);
    part(el, 'status-in_progress')?.click();
    expect((await moved).detail).to.include({ action: 'status', status: 'sent' });
    const afterMove = await staff.feedback.get(complaint.id);
    expect(afterMove.kind === 'complaint' && afterMove.status).to.equal('in_progress');
    await el.updateComplete;
    expect(parts(el, 'status-button').map((button) => button.textContent?.trim()), 'no way back').to.deep.equal(['Resolved', 'Close']);

    part(el, 'answer-button')?.click();
    await waitUntil(() => focusedPart(el) === 'field', 'the answer field never took focus');
    await sendKeys({ type: 'A new parcel leaves today.' });
    const answered = nextAction(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    // While it is sent, the actions wait and the words cannot change.
    await el.updateComplete;
    expect(parts(el, 'action-button').every((button) => button.getAttribute('aria-disabled') === 'true')).to.equal(true);
    expect(part(el, 'field')?.hasAttribute('readonly')).to.equal(true);
    expect(text(el, 'message')).to.equal('Sending…');
    expect((await answered).detail).to.include({ action: 'answer', status: 'sent' });
    const stored = await staff.feedback.get(complaint.id);
    expect(stored.kind === 'complaint' && [stored.status, stored.reply?.body]).to.deep.equal(['answered', 'A new parcel leaves today.']);
    await el.updateComplete;
    expect(text(el, 'badge')).to.equal('Answered');
    expect(part(el, 'deadline')?.dataset['state']).to.equal('settled');
    await expectAccessible(el);
  });

  it('when someone else acted first, says so and shows their version', async () => {
    const complaint = await makeComplaint(server, staff);
    const el = await mount(complaint, staff);
    await staff.feedback.setStatus(complaint.id, { status: 'closed' });
    part(el, 'answer-button')?.click();
    await waitUntil(() => focusedPart(el) === 'field', 'the answer field never took focus');
    await sendKeys({ type: 'Too late' });
    part(el, 'send-button')?.click();
    await waitUntil(() => text(el, 'message') !== '' && text(el, 'message') !== 'Sending…', 'no outcome shown');
    expect(text(el, 'message')).to.equal('Someone else changed this item in the meantime: it now shows their version.');
    expect(text(el, 'badge')).to.equal('Closed');
    expect(part(el, 'answer-button') === null, 'a closed complaint takes no answer').to.equal(true);
  });

  it('keeps a reply written offline and sends it once back online', async () => {
    const review = await makeReview(server, staff);
    const network = offlineWrites();
    const client = staffClient(server, { fetch: network.fetch });
    const el = await mount(review, client);
    part(el, 'reply-button')?.click();
    await waitUntil(() => focusedPart(el) === 'field', 'the reply field never took focus');
    await sendKeys({ type: 'Written on the train' });
    const acted = nextAction(el);
    part(el, 'send-button')?.click();
    const { detail } = await acted;
    expect(detail.status).to.equal('queued');
    expect(detail.item.kind === 'review' && detail.item.reply?.body).to.equal('Written on the train');
    await el.updateComplete;
    expect(text(el, 'message')).to.equal('Saved — sent when back online.');
    expect(text(el, 'reply')).to.contain('Written on the train');
    const before = await staff.feedback.get(review.id);
    expect(before.kind === 'review' && before.reply).to.equal(null);

    network.online();
    const delivered = nextAction(el);
    await client.outbox.flush();
    const sent = (await delivered).detail;
    expect(sent.status, 'said again once delivered').to.equal('sent');
    expect(sent.item.kind === 'review' && sent.item.reply?.body).to.equal('Written on the train');
    await el.updateComplete;
    expect(text(el, 'message')).to.equal('Reply saved.');
    const after = await staff.feedback.get(review.id);
    expect(after.kind === 'review' && after.reply?.body).to.equal('Written on the train');
  });

  it('shows a refused moderation beside the action, the reason kept', async () => {
    const review = await makeReview(server, staff);
    const reader = staffClient(server, { token: () => null });
    const el = await mount(review, reader);
    part(el, 'reject-button')?.click();
    await waitUntil(() => focusedPart(el) === 'field', 'the reason field never took focus');
    await sendKeys({ type: 'Off topic' });
    part(el, 'send-button')?.click();
    await waitUntil(() => text(el, 'message').startsWith('Not saved'), 'the refusal was never shown');
    expect(part(el, 'message')?.classList.contains('error')).to.equal(true);
    expect((part(el, 'field') as HTMLTextAreaElement).value).to.equal('Off topic');
    expect(part(el, 'send-button')?.getAttribute('aria-disabled')).to.equal('false');
  });

  it('shows a survey answer on its scale, with no actions', async () => {
    const survey = await makeSurvey(server, staff);
    const el = await mount(survey, staff);
    expect(text(el, 'heading')).to.equal('Survey answer Net Promoter Score');
    expect(text(el, 'score')).to.equal('9 of 10');
    expect(text(el, 'body')).to.equal('Quick and friendly.');
    expect(part(el, 'actions') === null).to.equal(true);
    await expectAccessible(el);
  });
});
