import * as z from 'zod/mini';

/**
 * Active ISO 4217 currency codes. Kept as one space-separated string (smaller than an
 * array literal once minified); codes withdrawn from circulation (HRK, SLL, ZWL, CUC, ANG)
 * and IMF units (XDR, XSU) are left out on purpose.
 */
const CODES = 'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG';

/** The set of accepted currency codes. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(CODES.split(' '));

/** An ISO 4217 currency code such as `EUR`, `CNY` or `TWD`. */
export const Currency = z.string().check(
  z.refine((code) => CURRENCY_CODES.has(code), { message: 'Unknown ISO 4217 currency code' }),
);
export type Currency = z.infer<typeof Currency>;
