import { expect } from '@open-wc/testing';
import type { ContactChannel, Credit, Customer } from '@kith/schema';
import { churnReason, initials } from './customer-card.model.js';
import { contactHref, creditShare, relativeParts } from './customer-details.model.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-15T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const channel = (kind: ContactChannel['kind'], value: string): ContactChannel => ({ kind, value, preferred: false });

function value(fields: Partial<Customer['value']>): Customer['value'] {
  return {
    lifetimeValue: { amount: 0, currency: 'EUR' }, orderCount: 0, firstOrderAt: null, lastOrderAt: null, rfm: null,
    segment: null, keyAccount: false, churnRisk: null, ...fields,
  };
}

function credit(limit: number, used: number): Credit {
  return { limit: { amount: limit, currency: 'EUR' }, used: { amount: used, currency: 'EUR' }, rating: 'B' };
}

describe('customer-card.model', () => {
  describe('contactHref', () => {
    it('links a plain e-mail address with mailto:, trimmed', () => {
      expect(contactHref(channel('email', 'ada@example.com'))).to.equal('mailto:ada@example.com');
      expect(contactHref(channel('email', '  ada.lovelace+crm@mail.example.co.uk '))).to.equal('mailto:ada.lovelace+crm@mail.example.co.uk');
    });

    it('never links an e-mail value that is not plainly an address', () => {
      const values = [
        'javascript:alert(1)', 'mailto:ada@example.com', 'ada@example', 'ada example@example.com', '<ada@example.com>',
        'ada@example.com"><img src=x onerror=alert(1)>', 'ada@@example.com', '@example.com', 'ada@', 'data:text/html,<b>x</b>@x.y',
        'ada@example.com\nbcc@example.com', '',
      ];
      expect(values.map((v) => contactHref(channel('email', v)))).to.deep.equal(values.map(() => undefined));
    });

    it('does not make a mailto: link carry headers or a body (?subject=, &cc=, %0A)', () => {
      // A link the card builds must be the address and nothing else: no prefilled message.
      const values = ['ada@example.com?subject=Invoice', 'ada@example.com?body=Pay%20here', 'ada@example.com&cc=eve@example.com', 'ada@example.com%0ABcc:eve'];
      expect(values.map((v) => contactHref(channel('email', v)))).to.deep.equal(values.map(() => undefined));
    });

    it('links phone numbers of every phone kind with tel: and digits only', () => {
      expect(contactHref(channel('phone', '+44 20 7946 0958'))).to.equal('tel:+442079460958');
      expect(contactHref(channel('mobile', '+86 138 0013 8000'))).to.equal('tel:+8613800138000');
      expect(contactHref(channel('sms', '(030) 1234-5678'))).to.equal('tel:03012345678');
      expect(contactHref(channel('fax', '020.7946.0958'))).to.equal('tel:02079460958');
      expect(contactHref(channel('phone', ' +886 912 345 678 '))).to.equal('tel:+886912345678');
    });

    it('never links a phone value that is not plainly a number', () => {
      const values = ['javascript:alert(1)', '12', '+44 20 7946 0958 ext. 12', 'call me', '1+2 3456', 'tel:+442079460958', '+44 20 7946 0958;postd=1', ''];
      expect(values.map((v) => contactHref(channel('phone', v)))).to.deep.equal(values.map(() => undefined));
    });

    it('never links social, address or other kinds, whatever the value', () => {
      expect(contactHref(channel('social', 'https://example.com/ada'))).to.equal(undefined);
      expect(contactHref(channel('social', 'ada@example.com'))).to.equal(undefined);
      expect(contactHref(channel('address', '+44 20 7946 0958'))).to.equal(undefined);
      expect(contactHref(channel('address', 'javascript:alert(1)'))).to.equal(undefined);
    });
  });

  describe('initials', () => {
    it('takes the first and last word’s first letters, upper-cased', () => {
      expect(initials('Ada Lovelace')).to.equal('AL');
      expect(initials('mary jane watson')).to.equal('MW');
      expect(initials('  Olivia   Bennett  ')).to.equal('OB');
      expect(initials('élodie durand')).to.equal('ÉD');
      expect(initials('Cher')).to.equal('C');
    });

    it('takes one character for Chinese, Japanese and Korean names', () => {
      expect(initials('王芳')).to.equal('王');
      expect(initials('陳志明')).to.equal('陳');
      expect(initials('やまだ はなこ')).to.equal('や');
      expect(initials('カタカナ')).to.equal('カ');
      expect(initials('김민수')).to.equal('김');
    });

    it('keeps a character outside the BMP whole, and says "?" for an empty name', () => {
      expect(initials('𝒜da Lovelace')).to.equal('𝒜L');
      expect(initials('𠀋 Smith')).to.equal('𠀋');
      expect(initials('')).to.equal('?');
      expect(initials('   ')).to.equal('?');
    });
  });

  describe('churnReason', () => {
    it('counts whole days since the last order and the average gap between orders', () => {
      const reason = churnReason(value({ orderCount: 4, firstOrderAt: ago(190 * DAY), lastOrderAt: ago(100 * DAY) }), NOW);
      expect(reason).to.deep.equal({ daysSince: 100, usualEvery: 30 });
    });

    it('rounds the gap and floors the days', () => {
      expect(churnReason(value({ orderCount: 3, firstOrderAt: ago(50 * DAY + 5 * 3600_000), lastOrderAt: ago(40 * DAY - 3600_000) }), NOW)).to.deep.equal({
        daysSince: 39, usualEvery: 5,
      });
    });

    it('has no rhythm with one order, and no reason without orders', () => {
      expect(churnReason(value({ orderCount: 1, firstOrderAt: ago(70 * DAY), lastOrderAt: ago(70 * DAY) }), NOW)).to.deep.equal({ daysSince: 70, usualEvery: null });
      expect(churnReason(value({ orderCount: 2, firstOrderAt: null, lastOrderAt: ago(70 * DAY) }), NOW)).to.deep.equal({ daysSince: 70, usualEvery: null });
      expect(churnReason(value({ orderCount: 0 }), NOW)).to.equal(null);
    });

    it('never says less than one day between orders, nor a negative count of days', () => {
      expect(churnReason(value({ orderCount: 5, firstOrderAt: ago(10 * DAY + 3600_000), lastOrderAt: ago(10 * DAY) }), NOW)).to.deep.equal({
        daysSince: 10, usualEvery: 1,
      });
      expect(churnReason(value({ orderCount: 1, firstOrderAt: ago(-DAY), lastOrderAt: ago(-DAY) }), NOW)?.daysSince).to.equal(0);
    });
  });

  describe('creditShare', () => {
    it('is the share used, from 0 to 1', () => {
      expect(creditShare(credit(300_000, 45_000))).to.equal(0.15);
      expect(creditShare(credit(50_000, 0))).to.equal(0);
      expect(creditShare(credit(50_000, 50_000))).to.equal(1);
    });

    it('stays at 1 over the limit and at 0 for a credit balance', () => {
      expect(creditShare(credit(50_000, 80_000))).to.equal(1);
      expect(creditShare(credit(50_000, -10_000))).to.equal(0);
    });

    it('handles a zero limit without dividing by zero', () => {
      expect(creditShare(credit(0, 0))).to.equal(0);
      expect(creditShare(credit(0, 100))).to.equal(1);
    });
  });

  describe('relativeParts', () => {
    it('picks the largest unit that fits, negative for the past', () => {
      expect(relativeParts(ago(30_000), NOW)).to.deep.equal({ value: -30, unit: 'second' });
      expect(relativeParts(ago(5 * 60_000), NOW)).to.deep.equal({ value: -5, unit: 'minute' });
      expect(relativeParts(ago(3 * 3600_000), NOW)).to.deep.equal({ value: -3, unit: 'hour' });
      expect(relativeParts(ago(5 * DAY), NOW)).to.deep.equal({ value: -5, unit: 'day' });
      expect(relativeParts(ago(90 * DAY), NOW)).to.deep.equal({ value: -3, unit: 'month' });
      expect(relativeParts(ago(800 * DAY), NOW)).to.deep.equal({ value: -2, unit: 'year' });
    });

    it('rounds to the nearest unit and is positive for the future', () => {
      expect(relativeParts(ago(40 * 3600_000), NOW)).to.deep.equal({ value: -2, unit: 'day' });
      expect(relativeParts(ago(-2 * DAY), NOW)).to.deep.equal({ value: 2, unit: 'day' });
      expect(relativeParts(ago(0), NOW)).to.deep.equal({ value: 0, unit: 'second' });
    });

    it('reads as Intl.RelativeTimeFormat says it', () => {
      const { value: amount, unit } = relativeParts(ago(DAY), NOW);
      expect(new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' }).format(amount, unit)).to.equal('yesterday');
      const week = relativeParts(ago(7 * DAY), NOW);
      expect(new Intl.RelativeTimeFormat('zh-Hans', { numeric: 'auto' }).format(week.value, week.unit)).to.equal('7天前');
    });
  });
});
