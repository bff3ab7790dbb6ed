// Every element on a page whose global CSS is hostile keeps its geometry and text styles: Kith
// resets every inherited property on its host and root box (`all: initial`, see
// packages/elements/src/styles/tokens.ts), so font size, line height, letter spacing, text
// transform, colour, direction and box sizing come from Kith's tokens, never from the page.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { createClient } from '@kith/sdk';
import '@kith/elements/customer-card.js';
import type { KithCustomerCard } from '@kith/elements';
import { mintToken, serverInfo, type KithServerInfo } from './support/server-commands.js';

const HOSTILE = `
  html, body { font-size: 40px !important; line-height: 4 !important; letter-spacing: 0.5em; word-spacing: 2em;
    text-transform: uppercase; font-style: italic; color: red; direction: rtl; text-align: right; }
  * { box-sizing: content-box !important; margin: 7px; padding: 5px; border-width: 3px; }
  kith-customer-card { all: unset; font-size: 50px; }
  div { all: unset; }
`;

interface Shape {
  width: number;
  height: number;
  nameFontSize: string;
  nameLineHeight: string;
  letterSpacing: string;
  textTransform: string;
  direction: string;
  boxSizing: string;
}

describe('hostile global CSS', () => {
  let server: KithServerInfo;
  let token = '';

  before(async () => {
    server = await serverInfo();
    token = (await mintToken({ kind: 'staff' })).token;
  });

  async function renderCard(): Promise<Shape> {
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: () => token, cache: false });
    const holder = await fixture<HTMLElement>(html`<section style="width: 420px"><kith-customer-card .client=${client} customer-id=${server.sampleCustomerId}></kith-customer-card></section>`);
    const el = holder.querySelector('kith-customer-card') as KithCustomerCard;
    el.scrollIntoView(); // elements read when near the viewport; the hostile sizes push it far down
    await waitUntil(() => el.status === 'ready', 'the card never became ready', { timeout: 10_000 });
    await el.localeReady(); // a full card's details are a chunk of their own: measured once they show
    await el.updateComplete;
    const base = el.shadowRoot?.querySelector('[part~="base"]') as HTMLElement;
    const name = el.shadowRoot?.querySelector('[part~="name"]') as HTMLElement;
    const box = base.getBoundingClientRect();
    const style = getComputedStyle(name);
    return {
      width: Math.round(box.width),
      height: Math.round(box.height),
      nameFontSize: style.fontSize,
      nameLineHeight: style.lineHeight,
      letterSpacing: style.letterSpacing,
      textTransform: style.textTransform,
      direction: style.direction,
      boxSizing: getComputedStyle(base).boxSizing,
    };
  }

  it('<kith-customer-card> looks the same with and without it', async () => {
    const clean = await renderCard();
    const style = document.createElement('style');
    style.textContent = HOSTILE;
    document.head.append(style);
    try {
      const hostile = await renderCard();
      expect(hostile).to.deep.equal(clean);
      expect(hostile.direction).to.equal('ltr');
      expect(hostile.textTransform).to.equal('none');
    } finally {
      style.remove();
    }
  });
});
