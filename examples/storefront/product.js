// A product page: the shop's name and price, Kith's rating and reviews (with search-engine
// markup), "Buy now" (the shop's demo checkout; it reports the order to Kith) and the review
// form — linked to the shopper when signed in (their customer token), anonymous otherwise.
import { backend, catalogue, el, formatPrice, shopper, signInHref } from './shop.js';

const MAX_QUANTITY = 10;
const root = document.getElementById('product');
const sku = new URLSearchParams(location.search).get('sku');

function notFound() {
  document.title = 'Product not found · Kith Outfitters';
  root.replaceChildren(
    el('h1', { id: 'not-found' }, 'Product not found'),
    el('p', {}, sku ? `We have no product “${sku}”. It may have been taken off the shelves.` : 'No product was named in the address.'),
    el('p', {}, el('a', { href: './' }, 'See all products')),
  );
}

/** "Buy now" for a signed-in shopper; a guest is asked to sign in first (the order is theirs). */
function buyArea(product, customer) {
  if (!customer) {
    return el('p', { class: 'buy' }, el('a', { id: 'buy-sign-in', class: 'button', href: signInHref() }, 'Sign in to buy'));
  }
  const quantity = el('select', { id: 'quantity', name: 'quantity' });
  for (let n = 1; n <= MAX_QUANTITY; n++) quantity.append(el('option', { value: n }, String(n)));
  const button = el('button', { id: 'buy-now', type: 'submit', class: 'button' }, 'Buy now');
  const message = el('p', { id: 'buy-message', class: 'message', role: 'alert' });
  const form = el('form', { class: 'buy', 'aria-label': 'Buy' }, el('label', { for: 'quantity' }, 'Quantity'), quantity, button, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    button.textContent = 'Placing your order…';
    message.textContent = '';
    try {
      const { order } = await backend('POST', '/orders', { sku: product.sku, quantity: Number(quantity.value) });
      location.assign(`order.html?order=${encodeURIComponent(order.externalId)}`);
    } catch (error) {
      message.textContent = `Your order was not placed: ${error.message}`;
      button.removeAttribute('aria-disabled');
      button.textContent = 'Buy now';
    }
  });
  return form;
}

const [products, customer] = await Promise.all([catalogue(), shopper]);
const product = products.find((p) => p.sku === sku);
if (!product) {
  notFound();
} else {
  document.title = `${product.name} · Kith Outfitters`;
  const reviews = el('kith-reviews', { id: 'reviews', product: product.sku, 'product-name': product.name, 'structured-data': true });
  const form = el('kith-feedback', { id: 'review-form', kind: 'review', product: product.sku });
  root.replaceChildren(
    el(
      'div',
      { class: 'product-head' },
      el('h1', { id: 'product-name' }, product.name),
      el('p', { class: 'price' }, formatPrice(product.price)),
      el('kith-rating', { product: product.sku }),
      buyArea(product, customer),
    ),
    // The elements bring their own headings ("Customer reviews", "Write a review").
    el('div', { class: 'block' }, reviews),
    el(
      'div',
      { class: 'block' },
      el(
        'p',
        { class: 'note' },
        customer
          ? `Reviewing as ${customer.name}: a review of something you bought here is marked “Verified buyer”.`
          : 'You can review without signing in. Sign in first to have it marked “Verified buyer” when you bought it here.',
      ),
      form,
    ),
  );
}
