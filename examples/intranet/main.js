// The demo server publishes its own base URL, publishable key and a sample customer at
// /demo/settings.json (keys are generated per install, so they cannot be written here).
const response = await fetch('/demo/settings.json');
const settings = await response.json();

const provider = document.createElement('kith-provider');
provider.setAttribute('base-url', settings.baseUrl);
provider.setAttribute('key', settings.publishableKey);
for (const id of settings.customerIds) {
  const card = document.createElement('kith-customer-card');
  card.setAttribute('customer-id', id);
  provider.append(card);
}
document.getElementById('cards').append(provider);
