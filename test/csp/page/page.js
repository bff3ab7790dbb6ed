// The page's own script (external, as the policy requires). It reads its settings from this
// site's backend, configures Kith for the public elements, and puts the staff elements in a
// <kith-provider> whose token function asks this site's backend (never Kith directly, never
// the secret key) for a short-lived staff token.
const config = await (await fetch('/config.json')).json();
const { Kith } = await import(`${config.baseUrl}/drop-in/kith.js`);
Kith.configure({ baseUrl: config.baseUrl, key: config.publishableKey });

const make = (tag, attributes) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
};

const provider = make('kith-provider', { 'base-url': config.baseUrl, key: config.publishableKey });
provider.token = () =>
  fetch('/backend/staff-token', { method: 'POST' })
    .then((response) => response.json())
    .then((body) => body.token);
provider.append(
  make('kith-customer-card', { 'customer-id': config.customerId }),
  make('kith-loyalty-badge', { 'customer-id': config.customerId }),
  make('kith-timeline', { 'customer-id': config.customerId }),
  make('kith-pipeline', { 'pipeline-id': config.pipelineId }),
  make('kith-feedback-inbox', {}),
  make('kith-survey-results', {}),
);
document.getElementById('staff').append(provider);

document.getElementById('public').append(
  make('kith-rating', { product: config.productSku }),
  make('kith-reviews', { product: config.productSku, 'product-name': `Product ${config.productSku}`, 'structured-data': '' }),
  make('kith-feedback', { kind: 'review', product: config.productSku }),
  make('kith-feedback', { kind: 'nps' }),
  make('kith-feedback', { kind: 'complaint' }),
);
