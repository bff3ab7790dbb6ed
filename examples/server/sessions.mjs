// The example sites' own sign-in sessions: a random id in an HttpOnly cookie, the signed-in
// person in this process's memory (a restart signs everyone out, which is fine for a demo).
// Kith never sees this cookie; pages get Kith tokens from their site's backend instead.
import { randomBytes } from 'node:crypto';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** Eight hours, a working day. */
const MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * Sessions of one site under its own cookie name.
 * @template T
 * @param {string} cookieName
 */
export function sessions(cookieName) {
  /** @type {Map<string, { value: T, expires: number }>} */
  const store = new Map();
  const options = { path: '/', httpOnly: true, sameSite: 'Strict', maxAge: MAX_AGE_SECONDS };
  return {
    /** Signs in: a new id each time, so an id seen before sign-in is worthless after. */
    start(c, /** @type {T} */ value) {
      const id = randomBytes(24).toString('base64url');
      store.set(id, { value, expires: Date.now() + MAX_AGE_SECONDS * 1000 });
      setCookie(c, cookieName, id, options);
    },
    /** @returns {T | null} */
    read(c) {
      const id = getCookie(c, cookieName);
      const entry = id ? store.get(id) : undefined;
      if (!entry) return null;
      if (entry.expires < Date.now()) {
        store.delete(id);
        return null;
      }
      return entry.value;
    },
    end(c) {
      const id = getCookie(c, cookieName);
      if (id) store.delete(id);
      deleteCookie(c, cookieName, { path: '/' });
    },
  };
}

/**
 * Refuses a write that does not come from this site's own pages (a cross-site form or script):
 * the browser's Origin and Sec-Fetch-Site say where a request comes from.
 */
export function sameOriginWrites() {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const site = c.req.header('Sec-Fetch-Site');
      const origin = c.req.header('Origin');
      const own = new URL(c.req.url).origin;
      if ((site && site !== 'same-origin') || (origin !== undefined && origin !== own)) {
        return c.json({ error: { code: 'forbidden', message: 'Only this site\'s own pages may do that.' } }, 403);
      }
    }
    await next();
  };
}

/** The error body every example backend answers with, like Kith's own. */
export const failure = (c, status, code, message) => c.json({ error: { code, message } }, status);
