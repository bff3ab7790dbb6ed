// The example intranet's own backend: its staff sign-in, and the Kith staff token it mints for
// the signed-in employee with the intranet's SECRET key, which never leaves this process.
// Mounted at /intranet/api/ on the examples origin.
//
// The demo has no passwords: the sign-in page lists the staff directory to sign in as. A real
// intranet signs its staff in with its own identity provider and maps them to Kith staff ids,
// and chooses each token's scopes from its own roles.
import { Hono } from 'hono';
import { failure, sessions } from '../server/sessions.mjs';

/** What a signed-in employee may do through Kith here (the server still limits each to their book). */
const SCOPES = [
  'customers:read', 'customers:write', 'interactions:write', 'opportunities:read', 'opportunities:write',
  'feedback:read', 'feedback:moderate', 'loyalty:read', 'staff:read',
];

/** @param {{ kith: ReturnType<typeof import('../server/kith-api.mjs').kithApi> }} site */
export function intranetBackend(site) {
  /** @type {ReturnType<typeof sessions<{ staffId: string, name: string, role: string }>>} */
  const staff = sessions('kith_example_intranet');
  const app = new Hono();

  /**
   * The staff directory to sign in as. The sample customer's account manager comes first, marked
   * with that customer's name, so the demo's click path starts with someone who has a book.
   */
  app.get('/staff', async (c) => {
    const kith = site.kith;
    const { staffId, sampleCustomerId } = kith.demo ?? {};
    const [page, sample] = await Promise.all([
      kith.call('GET', '/v1/staff?limit=100'),
      sampleCustomerId ? kith.call('GET', `/v1/customers/${sampleCustomerId}`).catch(() => null) : null,
    ]);
    const items = page.items.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      accountManagerOf: s.id === staffId && sample ? sample.name : null,
    }));
    items.sort((a, b) => Number(b.accountManagerOf !== null) - Number(a.accountManagerOf !== null));
    c.header('Cache-Control', 'no-store');
    return c.json({ items });
  });

  app.post('/sign-in', async (c) => {
    const body = await c.req.json().catch(() => null);
    const staffId = typeof body?.staffId === 'string' ? body.staffId : null;
    if (!staffId || !/^[0-9a-f-]{36}$/i.test(staffId)) return failure(c, 400, 'validation_failed', 'Choose who to sign in as.');
    const person = await site.kith.call('GET', `/v1/staff/${staffId}`).catch(() => null);
    if (!person) return failure(c, 401, 'unauthenticated', 'No such employee.');
    staff.start(c, { staffId: person.id, name: person.name, role: person.role });
    return c.json({ staff: { id: person.id, name: person.name, role: person.role } });
  });

  app.post('/sign-out', (c) => {
    staff.end(c);
    return c.body(null, 204);
  });

  app.get('/me', (c) => {
    const person = staff.read(c);
    c.header('Cache-Control', 'no-store');
    // Nobody signed in is an answer, not an error (the storefront's `/me` says the same).
    return c.json({ staff: person ? { id: person.staffId, name: person.name, role: person.role } : null });
  });

  /** A fresh staff token for the signed-in employee. */
  app.post('/token', async (c) => {
    const person = staff.read(c);
    if (!person) return failure(c, 401, 'unauthenticated', 'Sign in first.');
    const { token, expiresAt } = await site.kith.mintToken({ kind: 'staff', subject: person.staffId, scopes: SCOPES });
    c.header('Cache-Control', 'no-store');
    return c.json({ token, expiresAt });
  });

  return app;
}
