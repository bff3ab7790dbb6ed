// The inbox item's words: shoppers' hostile or right-to-left text shown as text, and the three languages.
import { expect } from '@open-wc/testing';
import type { KithClient } from '@kith/sdk';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import { HOSTILE_VECTORS, PWNED_FLAG, PWNED_MARKER } from '../../../../test/support/hostile-vectors.js';
import { serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { fits, HOUR, makeComplaint, makeReview, MINUTE, mount, part, parts, staffClient, text } from './inbox-item.test-support.js';

let server: KithServerInfo;
let staff: KithClient;

/** Every hostile text the schema takes, as one long text within `max` characters. */
const hostile = (max: number) => HOSTILE_VECTORS.filter((vector) => !vector.refused).map((vector) => vector.text).join('\n').slice(0, max);
const pwned = (el: Element) =>
  (window as unknown as Record<string, unknown>)[PWNED_FLAG] !== undefined ||
  document.querySelector(`[${PWNED_MARKER}]`) !== null ||
  el.shadowRoot?.querySelector(`[${PWNED_MARKER}]`) !== null;

describe('<kith-feedback-inbox-item> texts', () => {
  before(async () => {
    server = await serverInfo({ isolated: true });
    staff = staffClient(server);
  });

  it('shows a complaint’s hostile words as text, isolated in their own direction, within 360 px', async () => {
    const complaint = await makeComplaint(server, staff, {
      subject: `</h3><i ${PWNED_MARKER}>x</i><h3> شحنة متأخرة`,
      body: `${'x'.repeat(300)}\n${hostile(4000)}`,
      contact: { name: `<img src=x onerror="window.${PWNED_FLAG}=1"> مي`, email: 'mei@shop.example', phone: null },
    });
    const el = await mount(complaint, staff);
    expect(part(el, 'heading')?.querySelector('bdi')?.textContent).to.equal(complaint.subject);
    expect(part(el, 'heading')?.querySelector('bdi')?.getAttribute('dir')).to.equal('auto');
    expect(part(el, 'body')?.textContent).to.equal(complaint.body);
    expect(part(el, 'body')?.getAttribute('dir')).to.equal('auto');
    expect(text(el, 'facts')).to.contain(complaint.contact.name);
    expect(pwned(el), 'a payload ran or was parsed').to.equal(false);
    expect(fits(el), 'a 300-character word wraps').to.equal(true);
    await expectAccessible(el);
  });

  it('shows a review’s hostile words as text, in the review’s language', async () => {
    const review = await makeReview(server, staff, {
      title: `"><img src=x onerror="window.${PWNED_FLAG}=1">`,
      body: hostile(5000),
      authorName: '<!--?lit$123456789$--> עדי',
      language: 'he',
    });
    const el = await mount(review, staff);
    expect(part(el, 'heading')?.querySelector('bdi')?.textContent).to.equal(review.title);
    expect(part(el, 'body')?.textContent).to.equal(review.body);
    expect(part(el, 'body')?.getAttribute('lang')).to.equal('he');
    expect(text(el, 'facts')).to.contain(review.authorName);
    expect(pwned(el), 'a payload ran or was parsed').to.equal(false);
    expect(fits(el)).to.equal(true);
  });

  it('speaks Simplified Chinese', async () => {
    const complaint = await makeComplaint(server, staff);
    const due = Date.parse(complaint.dueAt);
    const el = await mount(complaint, staff, { locale: 'zh-CN', now: due - 3 * HOUR });
    expect(part(el, 'item')?.getAttribute('lang')).to.equal('zh-Hans');
    expect(text(el, 'deadline')).to.equal('需在 3 小时内答复');
    el.now = due - 45 * MINUTE;
    await el.updateComplete;
    expect(text(el, 'deadline')).to.equal('需在 45 分钟内答复');
    el.now = due + 2 * HOUR;
    await el.updateComplete;
    expect(text(el, 'deadline')).to.equal('已逾期 2 小时');
    expect(parts(el, 'action-button').map((button) => button.textContent?.trim())).to.deep.equal(['答复', '处理中', '已解决', '关闭']);
    await expectAccessible(el);
  });

  it('speaks Traditional Chinese', async () => {
    const review = await makeReview(server, staff);
    const el = await mount(review, staff, { locale: 'zh-TW' });
    expect(part(el, 'item')?.getAttribute('lang')).to.equal('zh-Hant');
    expect(text(el, 'badge')).to.equal('待審核');
    expect(part(el, 'stars')?.getAttribute('aria-label')).to.equal('評分 4 星（滿分 5 星）');
    expect(parts(el, 'action-button').map((button) => button.textContent?.trim())).to.deep.equal(['發布', '拒絕', '回覆']);
    const complaint = await makeComplaint(server, staff);
    el.item = complaint;
    el.now = Date.parse(complaint.dueAt) + 2 * HOUR;
    await el.updateComplete;
    expect(text(el, 'deadline')).to.equal('已逾期 2 小時');
    await expectAccessible(el);
  });
});
