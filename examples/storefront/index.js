// The product listing: the shop's own catalogue, a card per product with its star rating. All
// the cards go into the page in one task, so their <kith-rating>s share ONE request
// (GET /v1/reviews/aggregates) through the provider's client.
import { catalogue, el, formatPrice } from './shop.js';

const list = document.getElementById('products');
const status = document.getElementById('listing-status');

function card(product) {
  const href = `product.html?sku=${encodeURIComponent(product.sku)}`;
  return el(
    'li',
    { class: 'product-card' },
    el('h2', { class: 'product-name' }, el('a', { href }, product.name)),
    el('p', { class: 'price' }, product.price ? formatPrice(product.price) : 'Price on request'),
    el('kith-rating', { product: product.sku }),
  );
}

try {
  const products = await catalogue();
  list.replaceChildren(...products.map(card));
  status.textContent = `${products.length} products`;
  status.classList.add('visually-hidden');
} catch {
  status.textContent = 'The products could not be loaded. Please reload the page.';
}
