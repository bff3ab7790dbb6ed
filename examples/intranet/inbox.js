// The staff inbox on the demo server: the provider gets the base URL and publishable key from
// /demo/settings.json, and a staff token from /demo/token (standing in for your own backend,
// which mints it after your staff login; see main.js beside this file).
const settings = await (await fetch('/demo/settings.json')).json();

const provider = document.createElement('kith-provider');
provider.setAttribute('base-url', settings.baseUrl);
provider.setAttribute('key', settings.publishableKey);
provider.token = () =>
  fetch('/demo/token', { method: 'POST' })
    .then((r) => r.json())
    .then((b) => b.token);
provider.append(document.createElement('kith-feedback-inbox'));
document.getElementById('inbox').append(provider);
