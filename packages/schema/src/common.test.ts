import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import {
  BasisPoints,
  CalendarDate,
  Email,
  ExternalId,
  Id,
  LanguageTag,
  Money,
  Phone,
  SignedMoney,
  Timestamp,
  WebUrl,
  longText,
  shortText,
} from './common.js';
import { CURRENCY_CODES, Currency } from './currency.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('Currency', () => {
  it('accepts active ISO 4217 codes', () => {
    for (const code of ['EUR', 'CNY', 'TWD', 'HKD', 'USD', 'JPY']) accepts(Currency, code);
  });
  it('rejects unknown, withdrawn, lower-case and non-string codes', () => {
    for (const code of ['XXX', 'HRK', 'eur', 'EU', 'EURO', '', 978]) rejects(Currency, code);
  });
  it('holds only three-letter upper-case codes', () => {
    for (const code of CURRENCY_CODES) assert.match(code, /^[A-Z]{3}$/);
  });
});

describe('Money', () => {
  it('accepts zero and positive integer minor units', () => {
    accepts(Money, { amount: 0, currency: 'EUR' });
    accepts(Money, { amount: 1_999, currency: 'JPY' });
    accepts(Money, { amount: Number.MAX_SAFE_INTEGER, currency: 'EUR' });
  });
  it('rejects negative, fractional, unsafe and non-numeric amounts', () => {
    rejects(Money, { amount: -1, currency: 'EUR' }, ['amount']);
    rejects(Money, { amount: 19.99, currency: 'EUR' }, ['amount']);
    rejects(Money, { amount: 2 ** 60, currency: 'EUR' }, ['amount']);
    rejects(Money, { amount: Number.NaN, currency: 'EUR' }, ['amount']);
    rejects(Money, { amount: '100', currency: 'EUR' }, ['amount']);
  });
  it('rejects an unknown currency, a missing field and unknown fields', () => {
    rejects(Money, { amount: 100, currency: 'ABC' }, ['currency']);
    rejects(Money, { amount: 100 });
    rejects(Money, { amount: 100, currency: 'EUR', precision: 2 });
  });
  it('SignedMoney allows negative integers only', () => {
    accepts(SignedMoney, { amount: -500, currency: 'EUR' });
    rejects(SignedMoney, { amount: -0.5, currency: 'EUR' }, ['amount']);
  });
});

describe('BasisPoints', () => {
  it('accepts 0 to 10000 whole basis points', () => {
    for (const bp of [0, 1, 5_000, 10_000]) accepts(BasisPoints, bp);
  });
  it('rejects 10001, negatives and fractions', () => {
    for (const bp of [10_001, -1, 12.5]) rejects(BasisPoints, bp);
  });
});

describe('shortText and longText', () => {
  const Name = shortText(5);
  it('trims and returns the trimmed text', () => {
    assert.equal(accepts(Name, '  abc  '), 'abc');
  });
  it('rejects empty and whitespace-only text', () => {
    for (const text of ['', ' ', '\n\t ']) rejects(Name, text);
  });
  it('counts the length after trimming', () => {
    accepts(Name, '  abcde  ');
    rejects(Name, 'abcdef');
  });
  it('longText has a default ceiling of 10000', () => {
    accepts(longText(), 'x'.repeat(10_000));
    rejects(longText(), 'x'.repeat(10_001));
    rejects(longText(), '   ');
  });
  it('ExternalId is at most 128 characters', () => {
    accepts(ExternalId, 'x'.repeat(128));
    rejects(ExternalId, 'x'.repeat(129));
  });
});

describe('Id, Timestamp, CalendarDate', () => {
  it('Id is a UUID', () => {
    accepts(Id, '01920000-0000-7000-8000-000000000001');
    for (const id of ['1', 'not-a-uuid', '01920000-0000-7000-8000-00000000000', 42]) rejects(Id, id);
  });
  it('Timestamp is ISO 8601 with Z or an offset', () => {
    accepts(Timestamp, '2026-03-01T09:30:00Z');
    accepts(Timestamp, '2026-03-01T09:30:00.123456Z');
    accepts(Timestamp, '2026-03-01T17:30:00+08:00');
    for (const t of ['2026-03-01', '2026-03-01T09:30:00', '01/03/2026', 1_700_000_000_000]) rejects(Timestamp, t);
  });
  it('CalendarDate is a real YYYY-MM-DD day', () => {
    accepts(CalendarDate, '2028-02-29');
    for (const d of ['2026-02-30', '2026-13-01', '2026-3-1', '2026-03-01T00:00:00Z']) rejects(CalendarDate, d);
  });
});

describe('LanguageTag, Email, Phone, WebUrl', () => {
  it('LanguageTag accepts BCP 47 tags', () => {
    for (const tag of ['en', 'zh-Hans', 'zh-Hant-TW', 'pt-BR', 'yue']) accepts(LanguageTag, tag);
    for (const tag of ['', 'e', 'english', 'en_US', 'en-', 'x'.repeat(36)]) rejects(LanguageTag, tag);
  });
  it('Email accepts addresses and rejects the rest', () => {
    accepts(Email, 'li.wei@example.com');
    for (const email of ['', 'li.wei', '@example.com', ' li@example.com', `${'x'.repeat(250)}@e.co`]) rejects(Email, email);
  });
  it('Phone accepts national and international formats with 4 to 15 digits', () => {
    for (const phone of ['+86 138 0013 8000', '(030) 1234-5678', '0912.345.678', '110 0']) accepts(Phone, phone);
    assert.equal(accepts(Phone, ' +44 20 7946 0000 '), '+44 20 7946 0000');
    for (const phone of ['', '   ', '123', 'li@example.com', '+1 234 567 890 123 456', '12-34-ab']) rejects(Phone, phone);
  });
  it('WebUrl accepts http and https only', () => {
    for (const url of ['https://shop.example/p/1?x=1#a', 'http://localhost:3000/p']) accepts(WebUrl, url);
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://shop.example', '/p/1', 'shop.example', '']) {
      rejects(WebUrl, url);
    }
    rejects(WebUrl, `https://shop.example/${'x'.repeat(2048)}`);
  });
});

describe('types', () => {
  it('infers plain TypeScript types', () => {
    const money: Equal<z.infer<typeof Money>, { amount: number; currency: string }> = true;
    const id: Equal<Id, string> = true;
    const bp: Equal<BasisPoints, number> = true;
    assert.ok(money && id && bp);
  });
});
