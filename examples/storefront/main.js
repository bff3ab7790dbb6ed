// The demo server publishes its base URL, publishable key and a product SKU at
// /demo/settings.json (keys are generated per install, so they cannot be written here). A real
// shop writes them into its page: `Kith.configure` once, then plain tags.
import { Kith } from '/drop-in/kith.js';

const settings = await (await fetch('/demo/settings.json')).json();
Kith.configure({ baseUrl: settings.baseUrl, key: settings.publishableKey });

const sku = settings.productSku;
document.getElementById('product-name').textContent = `Product ${sku}`;

const rating = document.createElement('kith-rating');
rating.setAttribute('product', sku);
document.getElementById('summary').append(rating);

const reviews = document.createElement('kith-reviews');
reviews.setAttribute('product', sku);
reviews.setAttribute('product-name', `Product ${sku}`);
// Only a page about the shop's own products asks for search-engine markup.
reviews.setAttribute('structured-data', '');
document.getElementById('reviews').append(reviews);

const form = document.createElement('kith-feedback');
form.setAttribute('kind', 'review');
form.setAttribute('product', sku);
document.getElementById('form').append(form);
