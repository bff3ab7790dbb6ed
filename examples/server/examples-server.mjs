// The example sites, on an origin of their own (a port apart from Kith's): a shop's or an
// intranet's web server. It serves the sites' pages and each site's own small backend (sign-in,
// and the Kith tokens it mints with its secret key). Kith is another origin, so the pages use
// it as a shop would: the drop-in script and the API across origins, allowed by CORS and by the
// publishable key's origin list.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { kithApi } from './kith-api.mjs';
import { sameOriginWrites } from './sessions.mjs';

const ROOT = resolve('examples');

/** What a site writes into its pages where it embeds Kith; escaped for HTML text and attributes. */
const escape = (value) => String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The header the example pages are served with: the README's strict policy, exactly (the
 * strict-CSP page test uses this function too). No inline script or style, Trusted Types
 * enforced, no native form submission; Kith's origin is the one other place code and data come
 * from.
 */
export const contentSecurityPolicy = (kithOrigin) =>
  [
    "default-src 'none'",
    `script-src 'self' ${kithOrigin}`,
    `connect-src 'self' ${kithOrigin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "require-trusted-types-for 'script'",
    'trusted-types kith lit-html',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * Listens first (Kith needs this origin for its publishable key's list), then waits for `kith`
 * before answering anything that needs it.
 * @param {{ port: number, host?: string, backends: Record<string, (kith: ReturnType<typeof kithApi>) => Hono> }} options
 */
export async function startExamples({ port, host = '127.0.0.1', backends }) {
  /** @type {(value: { url: string, publishableKey: string, secretKey: string }) => void} */
  let provide;
  const ready = new Promise((resolve_) => (provide = resolve_));
  let kith;

  const app = new Hono();
  app.use('*', async (c, next) => {
    kith ??= kithApi(await ready);
    await next();
  });
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
  });
  for (const [site, backend] of Object.entries(backends)) {
    app.use(`/${site}/api/*`, sameOriginWrites());
    app.route(`/${site}/api`, backend({ get kith() { return kith; } }));
  }

  // Pages: the Kith URL and publishable key written in where the page embeds Kith.
  app.get('*', async (c, next) => {
    const path = c.req.path.endsWith('/') ? `${c.req.path}index.html` : c.req.path;
    if (extname(path) !== '.html') return next();
    const file = normalize(join(ROOT, decodeURIComponent(path)));
    if (!file.startsWith(ROOT + sep)) return c.notFound();
    const page = await readFile(file, 'utf8').catch(() => null);
    if (page === null) return c.notFound();
    const origin = new URL(kith.url).origin;
    c.header('Content-Security-Policy', contentSecurityPolicy(origin));
    c.header('Cache-Control', 'no-cache');
    return c.html(page.replaceAll('%KITH_URL%', escape(kith.url)).replaceAll('%KITH_KEY%', escape(kith.publishableKey)));
  });
  app.get('*', async (c, next) => {
    // A folder without its slash: add it, so the page's relative links work.
    if (extname(c.req.path) === '' && !c.req.path.endsWith('/')) return c.redirect(`${c.req.path}/`);
    await next();
  });
  app.use('*', serveStatic({ root: 'examples' }));

  const server = await new Promise((resolve_, reject) => {
    const http = serve({ fetch: app.fetch, port, hostname: host }, () => resolve_(http));
    http.once('error', reject);
  });
  const bound = server.address().port;
  return {
    port: bound,
    url: `http://localhost:${bound}`,
    origins: [`http://localhost:${bound}`, `http://127.0.0.1:${bound}`],
    /** Hands over Kith's URL and keys once Kith has started. */
    connect: (value) => provide(value),
    close: () => new Promise((resolve_) => server.close(() => resolve_())),
  };
}
