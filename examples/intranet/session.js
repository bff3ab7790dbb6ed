// The intranet's staff session, shared by every page but the sign-in: who is signed in (the
// intranet's own backend knows, from its HttpOnly cookie), the Kith staff token it mints for
// them, the header's "signed in as" and Sign out. Kith never sees the intranet's cookie.

const SIGN_IN = 'sign-in.html';

/** What a role is called on screen. */
const ROLE_NAMES = { admin: 'Administrator', manager: 'Manager', sales: 'Sales', support: 'Support' };

/** @param {string} role */
export const roleName = (role) => ROLE_NAMES[role] ?? role;

/** Off to the sign-in, to come back here after it. `replace`: the back button skips this page. */
function toSignIn() {
  location.replace(`${SIGN_IN}?next=${encodeURIComponent(location.pathname + location.search)}`);
}

/**
 * The signed-in employee (`{ id, name, role }`; the backend says `null` for nobody). Signed out, the page goes to the sign-in and
 * this never resolves (nothing more should run on a page that is going away).
 */
export async function requireStaff() {
  const response = await fetch('/intranet/api/me', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The intranet could not say who is signed in (${response.status}).`);
  const { staff } = await response.json();
  if (staff === null) {
    toSignIn();
    return new Promise(() => {});
  }
  return staff;
}

/**
 * The provider's token function: a fresh staff token from the intranet's backend, which mints
 * it with its secret key. `null` when the session has ended (another tab signed out, or it
 * expired): Kith then sends the publishable key only, and this page goes to the sign-in.
 */
export async function staffToken() {
  const response = await fetch('/intranet/api/token', { method: 'POST', headers: { accept: 'application/json' } });
  if (response.status === 401) {
    toSignIn();
    return null;
  }
  if (!response.ok) throw new Error(`The intranet could not get a Kith token (${response.status}).`);
  return (await response.json()).token;
}

/**
 * The Kith client the provider shares (the SDK's core: `send`, `read`…), once the drop-in has
 * defined the provider. Throws with the provider's reason when it has none.
 * @param {HTMLElement & { sharedClient?: unknown, configurationError?: string, updateComplete?: Promise<unknown> }} provider
 */
export async function clientOf(provider) {
  await customElements.whenDefined('kith-provider');
  await provider.updateComplete;
  if (!provider.sharedClient) throw new Error(provider.configurationError ?? 'Kith is not configured on this page.');
  return provider.sharedClient;
}

/**
 * Adds who is signed in to the header (`#who`: `#who-name`, `#who-role`, `#sign-out`) and wires
 * Sign out: the intranet's session ends, then `Kith.reset()` drops what Kith cached for this
 * employee in this browser (a colleague at the same desk must not see it), then the sign-in.
 * @param {{ name: string, role: string }} staff
 */
export function showSignedIn(staff) {
  const part = (tag, id, className, text) => {
    const element = Object.assign(document.createElement(tag), { className, textContent: text });
    if (id) element.id = id;
    return element;
  };
  const who = part('p', 'who', 'who', '');
  const lead = part('span', '', 'visually-hidden', 'Signed in as');
  const button = part('button', 'sign-out', '', 'Sign out');
  button.type = 'button';
  who.append(lead, ' ', part('span', 'who-name', 'who-name', staff.name), ' ', part('span', 'who-role', 'who-role', roleName(staff.role)), ' ', button);
  document.querySelector('.site-header').append(who);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await fetch('/intranet/api/sign-out', { method: 'POST' });
      await resetKith();
    } finally {
      location.assign(SIGN_IN);
    }
  });
}

/** `Kith.reset()` from the drop-in this page already loaded (the same URL: the same module). */
async function resetKith() {
  const base = document.querySelector('kith-provider')?.getAttribute('base-url');
  if (!base) return;
  const { Kith } = await import(`${base}/drop-in/kith.js`);
  await Kith.reset();
}
