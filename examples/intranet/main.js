// The demo server publishes its own base URL, publishable key and a sample customer at
// /demo/settings.json (keys are generated per install, so they cannot be written here).
const response = await fetch('/demo/settings.json');
const settings = await response.json();

const provider = document.createElement('kith-provider');
provider.setAttribute('base-url', settings.baseUrl);
provider.setAttribute('key', settings.publishableKey);
// Customer data needs a staff token. In a real intranet, YOUR backend mints it after the staff
// login (POST /v1/tokens with your secret key) and your page fetches it from there. This demo's
// /demo/token stands for that backend. A function, so Kith can ask again when a token expires;
// never an attribute, never stored.
provider.token = () =>
  fetch('/demo/token', { method: 'POST' })
    .then((r) => r.json())
    .then((b) => b.token);
for (const id of settings.customerIds) {
  const card = document.createElement('kith-customer-card');
  card.setAttribute('customer-id', id);
  provider.append(card);
}
document.getElementById('cards').append(provider);
