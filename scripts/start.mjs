// The README's start command (after the build): the reference server on the embedded
// database with demo data, also serving examples/ and the drop-in bundle, at one URL.
// Options: --port N (or PORT, default 8787), --data-dir DIR (or KITH_DATA_DIR, default
// .kith-data/), DATABASE_URL for PostgreSQL, --no-demo to start empty.
// Demo-only routes: GET /demo/settings.json (keys, a sample customer and product for the example
// pages) and POST /demo/token (a staff token, standing in for the intranet's own backend).
import { parseArgs } from 'node:util';
import { serveStatic } from '@hono/node-server/serve-static';
import { startServer } from '@kith/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

const port = Number(values.port ?? process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

/** Serves one folder under a URL prefix. */
const folder = (prefix, root) =>
  serveStatic({ root, rewriteRequestPath: (path) => path.slice(prefix.length) || '/' });

let demo = null;
/** @type {import('@kith/server').RunningServer | null} */
let running = null;

/**
 * The server's own origins: a page of these may ask for a demo token; another site's page may
 * not (CORS would let it read the answer, so the origin is checked here).
 */
const ownOrigin = (c) => {
  const origin = c.req.header('Origin');
  const site = c.req.header('Sec-Fetch-Site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  if (origin === undefined) return true; // not a browser page: curl on this machine
  // By name, not by the Host header, which a DNS-rebinding page controls.
  const own = new URL(c.req.url);
  return [`http://localhost:${own.port}`, `http://127.0.0.1:${own.port}`].map((o) => new URL(o).origin).includes(origin);
};

const server = await startServer({
  port,
  dataDir: values['data-dir'] ?? process.env.KITH_DATA_DIR,
  databaseUrl: process.env.DATABASE_URL,
  demo: !values['no-demo'],
  log: values.quiet ? () => {} : (line) => console.log(line),
  mount(app) {
    app.get('/', (c) => c.redirect('/examples/'));
    app.get('/examples', (c) => c.redirect('/examples/'));
    app.use('/examples/*', folder('/examples', './examples'));
    // The drop-in is public static code that shops load from their own origins: CORS for all (an
    // `integrity` attribute needs a CORS fetch). A version's folder never changes: cached a year;
    // the latest (`/drop-in/kith.js`) changes with each release: cached briefly.
    app.use('/drop-in/*', async (c, next) => {
      await next();
      if (c.res.status !== 200) return;
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      const pinned = /^\/drop-in\/\d+\.\d+\.\d+[^/]*\//.test(c.req.path);
      c.header('Cache-Control', pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    });
    app.use('/drop-in/*', folder('/drop-in', './packages/elements/dist/drop-in'));
    // Keys are random per install, so the example pages read them from here.
    app.get('/demo/settings.json', (c) =>
      demo
        ? c.json({ baseUrl: new URL(c.req.url).origin, publishableKey: demo.publishableKey, customerIds: [demo.sampleCustomerId], productSku: demo.sampleProductSku })
        : c.json({ error: { code: 'not_found', message: 'This server was started with --no-demo.' } }, 404),
    );
    // DEMO ONLY. This stands for the intranet's OWN backend: after its staff login it mints a
    // short-lived staff token (POST /v1/tokens with its secret key; here in process, the same
    // thing) and gives it to its page, which hands Kith a function that fetches it. This demo
    // has no login, so anyone who can open the examples is "signed in" as the sample
    // customer's account manager: read and edit customers, read the staff directory (the card's
    // owner names and owner picker), read and act on feedback (the inbox: moderate reviews,
    // answer complaints). Never ship an endpoint like it.
    app.post('/demo/token', async (c) => {
      if (!demo || !running) return c.json({ error: { code: 'not_found', message: 'This server was started with --no-demo.' } }, 404);
      if (!ownOrigin(c)) return c.json({ error: { code: 'forbidden', message: 'Demo tokens are for this server\'s own pages.' } }, 403);
      const { token, expiresAt } = await running.mintToken({
        kind: 'staff',
        subject: demo.staffId,
        scopes: ['customers:read', 'customers:write', 'staff:read', 'feedback:read', 'feedback:moderate'],
        publishableKey: demo.publishableKey,
        expiresInSeconds: 300,
      });
      c.header('Cache-Control', 'no-store');
      return c.json({ token, expiresAt: expiresAt.toISOString() });
    });
  },
});
running = server;
demo = server.demo;

const url = server.url.replace('127.0.0.1', 'localhost');
console.log(`\nKith is running at ${url}/  (examples at ${url}/examples/)`);
if (demo) {
  console.log(`demo publishable key: ${demo.publishableKey}`);
  if (demo.secretKey) console.log(`demo secret key (shown once, keep it): ${demo.secretKey}`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => server.close().then(() => process.exit(0)));
}
