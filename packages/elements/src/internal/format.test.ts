import { expect } from '@open-wc/testing';
import { currencyDigits, formatMoney } from './format.js';
import { matchLanguage } from './localize-controller.js';

describe('formatMoney', () => {
  it('respects the fraction digits of the currency', () => {
    expect(currencyDigits('EUR')).to.equal(2);
    expect(currencyDigits('JPY')).to.equal(0);
    expect(currencyDigits('KWD')).to.equal(3);
    expect(formatMoney({ amount: 123456, currency: 'USD' }, 'en-US')).to.equal('$1,234.56');
    expect(formatMoney({ amount: 1234, currency: 'JPY' }, 'en-US')).to.equal('¥1,234');
    expect(formatMoney({ amount: 1234, currency: 'KWD' }, 'en-US')).to.match(/KWD\s?1\.234/);
    expect(formatMoney({ amount: 5, currency: 'EUR' }, 'en-US')).to.equal('€0.05');
  });

  it('formats in the given locale and survives a bad locale', () => {
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'de-DE')).to.match(/^1\.234,56\s€$/);
    expect(formatMoney({ amount: 100, currency: 'TWD' }, 'zh-Hant-TW')).to.contain('1.00');
    expect(formatMoney({ amount: 100, currency: 'USD' }, 'not a locale!')).to.equal('$1.00');
  });

  it('is exact for amounts a float division would round', () => {
    expect(formatMoney({ amount: 900719925474099, currency: 'USD' }, 'en-US')).to.equal('$9,007,199,254,740.99');
  });
});

describe('matchLanguage', () => {
  it('maps BCP 47 tags to the shipped languages', () => {
    expect(matchLanguage('zh-TW')).to.equal('zh-Hant');
    expect(matchLanguage('zh-HK')).to.equal('zh-Hant');
    expect(matchLanguage('zh-Hant')).to.equal('zh-Hant');
    expect(matchLanguage('zh')).to.equal('zh-Hans');
    expect(matchLanguage('zh-CN')).to.equal('zh-Hans');
    expect(matchLanguage('en-GB')).to.equal('en');
    expect(matchLanguage('fr')).to.equal('en');
    expect(matchLanguage('??')).to.equal('en');
  });
});
