// The order confirmation: the order as the shop's backend kept it, then the post-purchase NPS
// survey (Kith asks it only when this shopper is eligible: the shop's frequency cap).
import { backend, el, formatPrice, shopper, signInHref } from './shop.js';

const root = document.getElementById('order');
const number = new URLSearchParams(location.search).get('order') ?? '';

function say(heading, text, link) {
  root.replaceChildren(el('h1', {}, heading), el('p', {}, text), link ?? el('p', {}, el('a', { href: './' }, 'Back to the shop')));
}

function lines(order) {
  const rows = order.lines.map((line) =>
    el('tr', {}, el('th', { scope: 'row' }, line.name), el('td', {}, String(line.quantity)), el('td', {}, formatPrice(line.total))),
  );
  const sum = (label, money) => el('tr', {}, el('th', { scope: 'row', colspan: 2 }, label), el('td', {}, formatPrice(money)));
  return el(
    'table',
    { class: 'order-lines' },
    el('caption', {}, 'What you ordered'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Product'), el('th', { scope: 'col' }, 'Quantity'), el('th', { scope: 'col' }, 'Price'))),
    el('tbody', {}, ...rows),
    el('tfoot', {}, sum('Shipping', order.shipping), sum('Total (VAT included)', order.total)),
  );
}

if (!(await shopper)) {
  say('Your order', 'Sign in to see your order.', el('p', {}, el('a', { href: signInHref() }, 'Sign in')));
} else {
  try {
    const { order } = await backend('GET', `/orders/${encodeURIComponent(number)}`);
    document.title = `Order ${order.externalId} · Kith Outfitters`;
    root.replaceChildren(
      el('h1', { id: 'order-heading' }, `Thank you, order ${order.externalId}`),
      el('p', {}, 'Your order is paid and on its way. Your loyalty points for it are in your account already.'),
      lines(order),
      // The survey brings its own heading, and hides itself when this shopper is not to be asked.
      el('div', { class: 'block' }, el('kith-feedback', { kind: 'nps', id: 'nps' })),
      el('p', {}, el('a', { href: './' }, 'Continue shopping')),
    );
  } catch (error) {
    say('Order not found', error.status === 404 ? `We found no order “${number}” of yours.` : `Your order could not be loaded: ${error.message}`);
  }
}
