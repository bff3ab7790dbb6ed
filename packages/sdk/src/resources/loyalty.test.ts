import { expect } from '@open-wc/testing';
import type { LedgerWriteResponse, LoyaltyAccount, RedeemRequest } from '@kith/schema';
import { serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { WriteResult } from '../outbox/types.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf, refused, sent } from './fixtures.js';
import type { LoyaltyResource } from './loyalty.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _redeem: Equal<Parameters<LoyaltyResource['redeem']>, [customerId: string, request: RedeemRequest]> = true;
const _redeemed: Equal<ReturnType<LoyaltyResource['redeem']>, Promise<WriteResult<LedgerWriteResponse>>> = true;

describe('loyalty resource against the real server', () => {
  let server: KithServerInfo;
  before(async () => {
    server = await serverInfo();
  });

  it('program: public, with tiers in ascending order and the rules', async () => {
    const { program, rules } = await clientOf(server).loyalty.program();
    expect(program.name).to.be.a('string').with.length.greaterThan(0);
    const thresholds = program.tiers.map((tier) => tier.threshold);
    expect(thresholds).to.deep.equal([...thresholds].sort((a, b) => a - b));
    expect(rules.reviewPoints).to.be.a('number');
  });

  it('account and ledger: the sample customer reads their own; staff with loyalty:read too; the balance is the ledger’s sum', async () => {
    const own = clientOf(server, { kind: 'customer' });
    const account = await own.loyalty.account(server.sampleCustomerId);
    expect(account.customerId).to.equal(server.sampleCustomerId);
    const staffView = await clientOf(server, { kind: 'staff', scopes: ['loyalty:read'] }).loyalty.account(server.sampleCustomerId);
    expect(staffView.balance).to.equal(account.balance);
    const ledger = await own.loyalty.ledger(server.sampleCustomerId, { limit: 100 });
    expect(ledger.items.length).to.be.greaterThan(0);
    expect(ledger.items.every((entry) => entry.customerId === server.sampleCustomerId)).to.equal(true);
    if (ledger.next === null) expect(ledger.items.reduce((sum, entry) => sum + entry.points, 0)).to.equal(account.balance);
  });

  it('adjust (staff) then redeem (the shopper, through the outbox); redeeming more than the balance is a conflict with the account', async () => {
    // A customer of this test alone, so no other suite moves the balance under it.
    const staff = clientOf(server, { kind: 'staff', scopes: ['customers:write', 'loyalty:adjust', 'loyalty:read'] });
    const customer = await staff.customers.create({ kind: 'person', name: `SDK member ${crypto.randomUUID().slice(0, 8)}` });
    const adjusted = await staff.loyalty.adjust(customer.id, { points: 120, note: 'Welcome gift' });
    expect(adjusted.balance).to.equal(120);
    expect(adjusted.entry).to.include({ reason: 'adjust', points: 120 });

    const shopper = clientOf(server, { kind: 'customer', subject: customer.id });
    const redeemed = sent(await shopper.loyalty.redeem(customer.id, { points: 50, note: 'Voucher' }));
    expect(redeemed.balance).to.equal(70);
    expect(redeemed.entry).to.include({ reason: 'redeem', points: -50 });
    expect((await staff.loyalty.account(customer.id)).balance).to.equal(70);

    const tooMuch = refused(await shopper.loyalty.redeem(customer.id, { points: 71 }));
    expect(tooMuch.code).to.equal('conflict');
    expect((tooMuch.current as LoyaltyAccount).balance).to.equal(70);
  });

  it('refusals: adjust by 0 (validation on `points`); a shopper’s token for someone else (forbidden); adjust without the scope (forbidden)', async () => {
    const staff = clientOf(server, { kind: 'staff', scopes: ['loyalty:adjust'] });
    const zero = await kithError(staff.loyalty.adjust(server.sampleCustomerId, { points: 0, note: 'nothing' }));
    expect(zero.code).to.equal('validation');
    expect(zero.issues.map((issue) => issue.path.join('.'))).to.include('points');
    const other = await clientOf(server, { kind: 'staff', scopes: ['customers:write'] }).customers.create({ kind: 'person', name: 'SDK stranger' });
    expect((await kithError(clientOf(server, { kind: 'customer' }).loyalty.account(other.id))).code).to.equal('forbidden');
    const readOnly = clientOf(server, { kind: 'staff', scopes: ['loyalty:read'] });
    expect((await kithError(readOnly.loyalty.adjust(server.sampleCustomerId, { points: 5, note: 'x' }))).code).to.equal('forbidden');
  });
});
