// A page that enforces Trusted Types for scripts and allows only the policies `kith` and `lit-html`:
// the JSON-LD is still written, through the `kith` policy, made once for the page. The CSP is set
// by a <meta> inserted before Kith loads (each test file runs in a page of its own); the element
// is then imported dynamically. Where the browser has no Trusted Types, the JSON-LD is plain text.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { createClient } from '@kith/sdk';
import { serverInfo } from '../../../../test/support/server-commands.js';
import { enforceTrustedTypes, trustedTypesSupported } from '../../../../test/support/trusted-types-page.js';
import { SnippetProduct } from '../../../../test/support/review-snippets.js';

const SNEAKERS = '3ab06973-9869-45e6-b8dc-bda2d257d6eb';
const supported = trustedTypesSupported;

enforceTrustedTypes('kith lit-html');

describe('<kith-reviews structured-data> on a page that enforces Trusted Types', () => {
  it(supported ? 'the page really enforces them: a plain script text is refused' : 'this browser has no Trusted Types: script text is plain', () => {
    const attempt = () => {
      document.createElement('script').textContent = 'window.__kithTt = 1';
    };
    if (supported) expect(attempt).to.throw(TypeError);
    else expect(attempt).to.not.throw();
  });

  it('writes valid JSON-LD through the one "kith" policy, which refuses any other text', async () => {
    await import('./reviews.js');
    const { kithPolicy, trustedJson } = await import('../internal/trusted-types.js');
    const server = await serverInfo();
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, cache: false });
    const el = await fixture(html`<kith-reviews structured-data product-name="Canvas sneakers" .client=${client} product=${SNEAKERS} locale="en-US"></kith-reviews>`);
    await waitUntil(() => el.querySelector(':scope > script[type="application/ld+json"]'), 'no JSON-LD was written');
    const script = el.querySelector(':scope > script[type="application/ld+json"]') as HTMLScriptElement;
    const data = SnippetProduct.parse(JSON.parse(script.textContent ?? ''));
    expect(data.name).to.equal('Canvas sneakers');
    expect(data.aggregateRating?.reviewCount).to.be.greaterThan(0);
    if (!supported) {
      expect(kithPolicy()).to.equal(undefined);
      expect(trustedJson('{}')).to.equal('{}');
      return;
    }
    const policy = kithPolicy();
    expect(policy?.name).to.equal('kith');
    // One policy per page: a second copy of Kith finds it through the global symbol …
    expect(kithPolicy() === policy).to.equal(true);
    // … because the page lets the name be created once only.
    const types = (window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }).trustedTypes;
    expect(() => types.createPolicy('kith', {})).to.throw();
    // Only the JSON Kith is writing: anything else is refused.
    expect(() => policy?.createScript('alert(1)')).to.throw(TypeError);
    expect(String(trustedJson('{"a":1}'))).to.equal('{"a":1}');
    expect(() => trustedJson('{"a":"<"}')).to.throw(TypeError);
  });
});
