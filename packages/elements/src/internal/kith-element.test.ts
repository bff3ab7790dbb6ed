import { expect, fixture, html } from '@open-wc/testing';
import type { Customer } from '@kith/sdk';
import type {} from '../events/kith-load.js';
import { define } from './define.js';
import { KithElement } from './kith-element.js';

class EmitterElement extends KithElement {
  fire(customer: Customer) {
    return this.emit('kith-load', { customer });
  }
  compileTimeChecks() {
    // @ts-expect-error a declared event cannot be emitted without its detail
    this.emit('kith-load');
    // @ts-expect-error nor with a detail of the wrong shape
    this.emit('kith-load', { id: 1 });
    // @ts-expect-error only declared kith-* events exist
    this.emit('kith-unknown', {});
  }
}
define('kith-test-emitter', EmitterElement);

describe('KithElement.emit', () => {
  it('dispatches a bubbling, composed CustomEvent with the detail', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div><kith-test-emitter></kith-test-emitter></div>`);
    const el = outer.querySelector('kith-test-emitter') as EmitterElement;
    const seen: Event[] = [];
    outer.addEventListener('kith-load', (event) => seen.push(event));
    const customer = { id: 'x' } as unknown as Customer;
    const event = el.fire(customer);
    expect(seen).to.deep.equal([event]);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.detail.customer).to.equal(customer);
  });
});

describe('define', () => {
  it('does not throw when the tag is already defined (two copies on one page)', () => {
    class First extends KithElement {}
    class Second extends KithElement {}
    define('kith-test-twice', First);
    expect(() => define('kith-test-twice', Second)).not.to.throw();
    expect(() => define('kith-test-twice', First)).not.to.throw();
    expect(customElements.get('kith-test-twice')).to.equal(First);
  });
});

describe('data-kith-theme', () => {
  it('mirrors the nearest ancestor theme onto the element', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div data-kith-theme="dark"><section><kith-test-emitter></kith-test-emitter></section></div>`);
    expect(outer.querySelector('kith-test-emitter')?.getAttribute('data-kith-theme')).to.equal('dark');
  });
});
