import { expect } from '@open-wc/testing';
import type { SurveyEligibility } from '@kith/schema';
import { serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { Read } from '../reads/types.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf, sent } from './fixtures.js';
import type { SurveysResource } from './surveys.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _eligibility: Equal<ReturnType<SurveysResource['eligibility']>, Read<SurveyEligibility>> = true;

describe('surveys resource against the real server', () => {
  let server: KithServerInfo;
  before(async () => {
    server = await serverInfo();
  });

  it('a publishable key is always eligible (anonymous answers are not capped per person)', async () => {
    const answer = await clientOf(server).surveys.eligibility({ metric: 'nps' });
    expect(answer).to.include({ metric: 'nps', eligible: true, nextEligibleAt: null });
    expect(answer.note).to.be.a('string');
  });

  it("a customer's answer uses up their cap: eligible, answered, then not until nextEligibleAt; a second answer is refused", async () => {
    // A customer of this test alone, so the cap starts empty.
    const staff = clientOf(server, { kind: 'staff', scopes: ['customers:write'] });
    const customer = await staff.customers.create({ kind: 'person', name: `SDK survey ${crypto.randomUUID().slice(0, 8)}` });
    const shopper = clientOf(server, { kind: 'customer', subject: customer.id });
    expect((await shopper.surveys.eligibility({ metric: 'csat' })).eligible).to.equal(true);

    const answered = sent(await shopper.feedback.create({ kind: 'survey', metric: 'csat', score: 5, comment: 'Quick and friendly.' }));
    expect(answered).to.include({ kind: 'survey', metric: 'csat', score: 5 });
    const after = await shopper.surveys.eligibility({ metric: 'csat' });
    expect(after.eligible).to.equal(false);
    expect(Date.parse(after.nextEligibleAt ?? '')).to.be.greaterThan(Date.now());
    // Other metrics are capped on their own.
    expect((await shopper.surveys.eligibility({ metric: 'nps' })).eligible).to.equal(true);

    // Refused with 429 until nextEligibleAt: never delivered now, whether the outbox fails it or keeps it for later.
    const again = await shopper.feedback.create({ kind: 'survey', metric: 'csat', score: 4, comment: null });
    expect(again.status).to.not.equal('sent');
    const error = again.status === 'failed' ? again.error : again.status === 'queued' ? again.entry.error : undefined;
    expect(error?.code).to.equal('rate_limited');
  });

  it('an unknown metric is a validation error on `metric`', async () => {
    const error = await kithError(clientOf(server).surveys.eligibility({ metric: 'ltr' as 'nps' }));
    expect(error.code).to.equal('validation');
    expect(error.issues.map((issue) => issue.path.join('.'))).to.include('metric');
  });
});
