// A page that enforces Trusted Types but does not allow the policy `kith`: no JSON-LD (a script
// text could not be set), said once on the console; the reviews themselves work.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { createClient } from '@kith/sdk';
import { serverInfo } from '../../../../test/support/server-commands.js';
import { enforceTrustedTypes, trustedTypesSupported } from '../../../../test/support/trusted-types-page.js';

const SNEAKERS = '3ab06973-9869-45e6-b8dc-bda2d257d6eb';
const supported = trustedTypesSupported;

enforceTrustedTypes('lit-html');

describe('<kith-reviews structured-data> where the page\'s CSP refuses the "kith" policy', () => {
  it(supported ? 'shows the reviews, writes no JSON-LD and says why once' : 'this browser has no Trusted Types: the JSON-LD is written as text', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      await import('./reviews.js');
      const server = await serverInfo();
      const client = createClient({ baseUrl: server.url, key: server.publishableKey, cache: false });
      const make = () => fixture(html`<kith-reviews structured-data product-name="Canvas sneakers" .client=${client} product=${SNEAKERS} locale="en-US"></kith-reviews>`);
      const [first, second] = [await make(), await make()];
      const json = (el: Element) => el.querySelector(':scope > script[type="application/ld+json"]');
      if (!supported) {
        await waitUntil(() => json(first) && json(second), 'no JSON-LD was written');
        return;
      }
      await waitUntil(() => warnings.some((warning) => warning.includes('"kith"')), 'no warning about the refused policy');
      await waitUntil(() => first.shadowRoot?.querySelector('[part~="review"]') && second.shadowRoot?.querySelector('[part~="review"]'), 'the reviews are shown');
      expect([json(first), json(second)].filter(Boolean).length).to.equal(0);
      expect(warnings.filter((warning) => warning.includes('"kith"')).length, 'said once for the page').to.equal(1);
    } finally {
      console.warn = warn;
    }
  });
});
