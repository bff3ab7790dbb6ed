// <kith-feedback-inbox> against its own real server (it writes a lot): complaints ordered and
// counted down on an injected clock, moderation and answers by keyboard (and the audit log that
// records them), live arrivals.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { AuditRecord, Complaint } from '@kith/schema';
import type { KithClient } from '@kith/sdk';
import { audit } from '@kith/sdk/resources/audit';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import { serverInfo, tokenSource, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { clientFor, offlineWrites, unique } from '../feedback/feedback.test-support.js';
import type { KithInboxActionEvent } from '../events/kith-inbox-action.js';
import {
  announcement, countingLists, entryOf, inbox, itemOf, itemPart, liveOpen, shownIds, shownItem, squash, until,
} from './feedback-inbox.test-support.js';
import { HOUR, MINUTE, makeComplaint, makeReview, staffClient } from './inbox-item.test-support.js';
import type { KithFeedbackInboxItem } from './inbox-item.js';

let server: KithServerInfo;
/** Staff with `feedback:read` and `feedback:moderate`, for making and reading records. */
let staff: KithClient;

/** Focuses a piece of an item and presses Enter on it, as a keyboard user does. */
async function press(item: KithFeedbackInboxItem, name: string): Promise<void> {
  const piece = itemPart(item, name);
  expect(piece !== null, `the item has a ${name}`).to.equal(true);
  piece?.focus();
  await sendKeys({ press: 'Enter' });
  await item.updateComplete;
}

/** Types into the item's open form and sends it with the keyboard (Tab to the send button, Enter). */
async function fillAndSend(item: KithFeedbackInboxItem, words: string): Promise<void> {
  await waitUntil(() => itemPart(item, 'field'), 'the form never opened');
  itemPart(item, 'field')?.focus();
  await sendKeys({ type: words });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'Enter' });
}

/** The audit records of one feedback record, read with a staff token that may read the audit log. */
async function auditOf(id: string): Promise<AuditRecord[]> {
  const auditor = clientFor(server, { token: tokenSource({ kind: 'staff', scopes: ['audit:read'] }), cache: false });
  return (await audit(auditor).list({ entity: 'feedback', entityId: id })).items;
}

/** What the item says beside its actions (its status region: the outcome of an action). */
const message = (item: KithFeedbackInboxItem) => squash(itemPart(item, 'message')?.textContent);
const deadline = (item: KithFeedbackInboxItem) => ({ state: itemPart(item, 'deadline')?.dataset['state'], text: squash(itemPart(item, 'deadline')?.textContent) });

describe('<kith-feedback-inbox>', () => {
  before(async function () {
    this.timeout(60_000);
    server = await serverInfo({ isolated: true });
    staff = staffClient(server, { cache: false });
  });

  it('orders complaints overdue first and counts their deadlines down on the clock, without reading again', async function () {
    this.timeout(40_000);
    const first = await makeComplaint(server, staff);
    const second = await makeComplaint(server, staff);
    const settled = await makeComplaint(server, staff);
    const answered = await staff.feedback.reply(settled.id, { body: 'Sorry: a new parcel left today.' });
    expect(answered.status).to.equal('sent');
    const due = Date.parse(first.dueAt);
    let clock = due - 3 * HOUR - MINUTE;
    const lists = countingLists();
    const el = await inbox(staffClient(server, { fetch: lists.fetch }), { view: 'complaints', now: () => clock });
    await until(el, 'ready');
    const mine = () => shownIds(el).filter((id) => [first.id, second.id, settled.id].includes(id));
    expect(mine()).to.deep.equal([first.id, second.id, settled.id]);
    const a = await shownItem(el, first.id);
    expect(deadline(a)).to.deep.equal({ state: 'due', text: 'Answer due in 3 h' });
    expect(deadline(await shownItem(el, settled.id)).state).to.equal('settled');
    const reads = lists.count;

    // 45 minutes before the deadline, then two hours past it: the inbox's clock ticks.
    clock = due - 45 * MINUTE;
    el.now = () => clock;
    await el.updateComplete;
    await a.updateComplete;
    expect(deadline(a)).to.deep.equal({ state: 'due', text: 'Answer due in 45 min' });
    clock = due + 2 * HOUR + MINUTE;
    el.now = () => clock;
    await el.updateComplete;
    await a.updateComplete;
    expect(deadline(a)).to.deep.equal({ state: 'overdue', text: 'Overdue by 2 h' });
    expect(mine()).to.deep.equal([first.id, second.id, settled.id]);
    // Every overdue complaint comes before every one still waiting, and settled ones come last.
    const states = el.items.map((item) => itemOf(el, item.id)).map((item) => (item ? deadline(item).state : undefined));
    const rank = { overdue: 0, due: 1, settled: 2 } as Record<string, number>;
    const ranks = states.map((state) => rank[state ?? ''] ?? 3);
    expect(ranks).to.deep.equal([...ranks].sort((x, y) => x - y));
    expect(ranks.includes(0)).to.equal(true);
    expect(lists.count, 'no list was read again for the tick').to.equal(reads);
    await expectAccessible(el);
  });

  it('publishes a review and rejects another with a reason, by keyboard; the audit log records both', async function () {
    this.timeout(40_000);
    const good = await makeReview(server, staff);
    const spam = await makeReview(server, staff, { title: unique('Buy followers') });
    const el = await inbox(staffClient(server), { view: 'reviews' });
    await until(el, 'ready');
    const actions: KithInboxActionEvent['detail'][] = [];
    el.addEventListener('kith-inbox-action', (event) => actions.push(event.detail));

    const publish = await shownItem(el, good.id);
    await press(publish, 'publish-button');
    await waitUntil(() => message(publish) === 'Published.', `never said (it says "${message(publish)}")`);
    // Replaced where it stood: still in the "pending" view, now published.
    const replaced = el.items.find((item) => item.id === good.id);
    expect(replaced?.kind === 'review' && replaced.status).to.equal('published');
    expect(entryOf(el, good.id) !== null).to.equal(true);

    const reject = await shownItem(el, spam.id);
    await press(reject, 'reject-button');
    await fillAndSend(reject, 'Advertising');
    await waitUntil(() => message(reject) === 'Rejected.', `never said (it says "${message(reject)}")`);
    expect(actions.map((detail) => `${detail.action}:${detail.status}`)).to.deep.equal(['publish:sent', 'reject:sent']);

    const [published, rejected] = await Promise.all([staff.feedback.get(good.id), staff.feedback.get(spam.id)]);
    expect(published.kind === 'review' && published.status).to.equal('published');
    expect(rejected.kind === 'review' && [rejected.status, rejected.rejectionReason]).to.deep.equal(['rejected', 'Advertising']);
    const [goodLog, spamLog] = await Promise.all([auditOf(good.id), auditOf(spam.id)]);
    expect(goodLog.map((record) => [record.action, record.actor.kind])).to.deep.include(['feedback.publish', 'staff']);
    expect(spamLog.map((record) => [record.action, record.actor.kind])).to.deep.include(['feedback.reject', 'staff']);
  });

  it('answers a complaint through the inbox: the server has the answer, the item shows it in place', async function () {
    this.timeout(40_000);
    const complaint = await makeComplaint(server, staff);
    const el = await inbox(staffClient(server), { view: 'complaints' });
    await until(el, 'ready');
    const item = await shownItem(el, complaint.id);
    await press(item, 'answer-button');
    await fillAndSend(item, 'A courier collects it tomorrow.');
    await waitUntil(() => message(item) === 'Answer sent.', `never said (it says "${message(item)}")`);
    const saved = await staff.feedback.get(complaint.id);
    expect(saved.kind === 'complaint' && [saved.status, saved.reply?.body]).to.deep.equal(['answered', 'A courier collects it tomorrow.']);
    await item.updateComplete;
    expect(deadline(item).state).to.equal('settled');
    expect(entryOf(el, complaint.id) !== null).to.equal(true);
    expect((await auditOf(complaint.id)).map((record) => record.action)).to.include('feedback.reply');
  });

  it('an answer written offline is kept: said as saved, the item answered in place', async function () {
    this.timeout(40_000);
    const complaint = await makeComplaint(server, staff);
    const network = offlineWrites();
    const el = await inbox(staffClient(server, { fetch: network.fetch, retry: false }), { view: 'complaints' });
    await until(el, 'ready');
    const item = await shownItem(el, complaint.id);
    await press(item, 'answer-button');
    await fillAndSend(item, 'We will call you back today.');
    await waitUntil(() => message(item) === 'Saved — sent when back online.', `never said (it says "${message(item)}")`);
    const shown = el.items.find((record) => record.id === complaint.id);
    expect(shown?.kind === 'complaint' && [shown.status, shown.reply?.body]).to.deep.equal(['answered', 'We will call you back today.']);
    expect(entryOf(el, complaint.id) !== null).to.equal(true);
    await expectAccessible(el);
  });

  it('announces a complaint that arrives live and marks it New', async function () {
    this.timeout(40_000);
    const client = staffClient(server);
    const el = await inbox(client, { view: 'complaints' });
    await until(el, 'ready');
    const stop = await liveOpen(client);
    try {
      expect(announcement(el)).to.equal('');
      const arrived: Complaint = await makeComplaint(server, staff, { subject: unique('Live arrival') });
      await waitUntil(() => entryOf(el, arrived.id), 'the new complaint never arrived', { timeout: 15_000 });
      await waitUntil(() => announcement(el) === '1 new complaint', `never announced (it says "${announcement(el)}")`);
      expect(squash(entryOf(el, arrived.id)?.querySelector('[part~="new-badge"]')?.textContent)).to.equal('New');
      await expectAccessible(el);
    } finally {
      stop();
    }
  });
});
