// The demo sign-in: a button per demo shopper (the sample customer first). Afterwards the
// shopper goes back where they came from (`?next=`, a path of this shop only: never another site).
import { backend, el, safeNext, shopper } from './shop.js';

const list = document.getElementById('shopper-list');
const status = document.getElementById('shoppers-status');
const next = safeNext(new URLSearchParams(location.search).get('next'));

function button(person) {
  const id = person.sample ? 'sign-in-sample' : `sign-in-${person.id}`;
  const item = el('button', { type: 'button', class: 'button', id, 'data-customer-id': person.id }, `Sign in as ${person.name}`);
  item.addEventListener('click', async () => {
    for (const other of list.querySelectorAll('button')) other.disabled = true;
    status.textContent = `Signing in as ${person.name}…`;
    try {
      await backend('POST', '/sign-in', { customerId: person.id });
      location.assign(next);
    } catch (error) {
      status.textContent = `Not signed in: ${error.message}`;
      for (const other of list.querySelectorAll('button')) other.disabled = false;
    }
  });
  return el('li', {}, item, person.sample ? el('span', { class: 'hint' }, ' (has orders and loyalty points)') : null);
}

const current = await shopper;
if (current) {
  const note = document.getElementById('signed-in-note');
  note.textContent = `You are signed in as ${current.name}. Choose another shopper to switch.`;
  note.hidden = false;
}
try {
  const { items } = await backend('GET', '/shoppers');
  list.replaceChildren(...items.map(button));
  status.textContent = '';
} catch (error) {
  status.textContent = `The shoppers could not be loaded: ${error.message}`;
}
