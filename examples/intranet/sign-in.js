// The staff sign-in: the directory from the intranet's backend as one button per person; the
// sample customer's account manager first. Signing in starts the intranet's own session (an
// HttpOnly cookie); the pages then get Kith staff tokens from the backend, never from here.
import { roleName } from './session.js';
import { statusLine } from './status-line.js';

const list = document.getElementById('staff-list');
const { say, fail } = statusLine(document.getElementById('sign-in-status'));

/**
 * Where to go after signing in: `next` when it is a page of this intranet (a path on this
 * origin, never another site: an open redirect would let a link send staff anywhere), else
 * the customer search.
 */
export function nextPage(search = location.search) {
  const next = new URLSearchParams(search).get('next');
  // A relative path only: not `//host`, not `/\host` (browsers read both as another host), no scheme.
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return './';
  const url = new URL(next, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith('/intranet/') || url.pathname.endsWith('/sign-in.html')) return './';
  return url.pathname + url.search + url.hash;
}

async function signIn(person, button) {
  for (const b of list.querySelectorAll('button')) b.disabled = true;
  say(`Signing in as ${person.name}…`);
  try {
    const response = await fetch('/intranet/api/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ staffId: person.id }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new Error(body?.error?.message ?? `The intranet answered ${response.status}.`);
    }
    location.assign(nextPage());
  } catch (error) {
    say(`Could not sign in: ${error instanceof Error ? error.message : String(error)}`, true);
    for (const b of list.querySelectorAll('button')) b.disabled = false;
    button.focus();
  }
}

function personButton(person) {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.id = `sign-in-${person.id}`;
  button.className = 'person';
  button.dataset.staffId = person.id;
  button.dataset.role = person.role;
  const name = document.createElement('span');
  name.className = 'person-name';
  name.textContent = person.name;
  const role = document.createElement('span');
  role.className = 'person-role';
  role.textContent = roleName(person.role);
  button.append(name, role);
  if (person.accountManagerOf) {
    item.classList.add('suggested');
    const note = document.createElement('span');
    note.className = 'person-note';
    note.textContent = `Account manager of ${person.accountManagerOf}: start here`;
    button.append(note);
  }
  button.addEventListener('click', () => signIn(person, button));
  item.append(button);
  return item;
}

async function loadDirectory() {
  list.setAttribute('aria-busy', 'true');
  say('Loading the staff directory…');
  try {
    const response = await fetch('/intranet/api/staff', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`The intranet answered ${response.status}.`);
    const { items } = await response.json();
    list.replaceChildren(...items.map(personButton));
    say(items.length === 0 ? 'The staff directory is empty.' : '');
  } catch (error) {
    fail(`The staff directory could not be loaded: ${error instanceof Error ? error.message : String(error)}`, 'sign-in-retry', loadDirectory);
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}

loadDirectory();
