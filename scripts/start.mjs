// The README's start command (after the build): the reference server on the embedded database
// with demo data, and the example sites on a second origin, as a shop and its Kith would be.
//   Kith      http://localhost:8787   the API, the drop-in bundle, the API and SDK docs
//   examples  http://localhost:8788   the storefront, the intranet and the portal, each with its
//                                     own small backend holding a secret key (examples/server/)
// Options: --port N (or PORT, default 8787), --examples-port N (default the next port; 0 with
// --port 0), --data-dir DIR (or KITH_DATA_DIR, default .kith-data/), DATABASE_URL for
// PostgreSQL, --no-demo to start empty (and without the example sites).
import { parseArgs } from 'node:util';
import { serveStatic } from '@hono/node-server/serve-static';
import { startServer } from '@kith/server';
import { startExamples } from '../examples/server/examples-server.mjs';
import { shopSecretKey } from '../examples/server/shop-secret.mjs';
import { backends } from '../examples/server/backends.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'examples-port': { type: 'string' },
    'data-dir': { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

const portOf = (text, name) => {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number, got ${text}`);
    process.exit(2);
  }
  return port;
};
const port = portOf(values.port ?? process.env.PORT ?? 8787, '--port');
const examplesPort = portOf(values['examples-port'] ?? (port === 0 ? 0 : port + 1), '--examples-port');
const dataDir = values['data-dir'] ?? process.env.KITH_DATA_DIR;
const withDemo = !values['no-demo'];

/** Serves one folder under a URL prefix. */
const folder = (prefix, root) =>
  serveStatic({ root, rewriteRequestPath: (path) => path.slice(prefix.length) || '/' });

// The example sites listen first: their origin goes on the demo publishable key's list.
const examples = withDemo ? await startExamples({ port: examplesPort, backends }) : null;
let demo = null;

const server = await startServer({
  port,
  dataDir,
  databaseUrl: process.env.DATABASE_URL,
  demo: withDemo,
  demoOrigins: examples?.origins ?? [],
  log: values.quiet ? () => {} : (line) => console.log(line),
  mount(app) {
    // Kith's own origin has no pages of its own: its start page is the examples' index.
    app.get('/', (c) => (examples ? c.redirect(`${examples.url}/`) : c.redirect('/docs/')));
    app.get('/examples/*', (c) => (examples ? c.redirect(`${examples.url}${c.req.path.slice('/examples'.length)}`) : c.notFound()));
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
    // The reference docs (TypeDoc of the SDK and schema, the elements' manifest), built by `npm run build`.
    app.get('/docs', (c) => c.redirect('/docs/'));
    app.use('/docs/*', folder('/docs', './dist/docs'));
    // DEMO TOOLING: the demo's publishable key and sample ids, for scripts and tests that need
    // them (keys are random per install). Public by nature: the key is in every shop page.
    app.get('/demo/settings.json', (c) =>
      demo
        ? c.json({ baseUrl: new URL(c.req.url).origin, publishableKey: demo.publishableKey, customerIds: [demo.sampleCustomerId], productSku: demo.sampleProductSku })
        : c.json({ error: { code: 'not_found', message: 'This server was started with --no-demo.' } }, 404),
    );
  },
});
demo = server.demo;

const url = server.url.replace('127.0.0.1', 'localhost');
let releaseSecret = async () => {};
if (examples && demo) {
  const secret = await shopSecretKey({ running: server, dataDir: process.env.DATABASE_URL ? null : (dataDir ?? '.kith-data') });
  releaseSecret = secret.release;
  examples.connect({
    url,
    publishableKey: demo.publishableKey,
    secretKey: secret.key,
    // Which seeded people the sign-in pages offer first (demo data: a real site knows its own).
    demo: { sampleCustomerId: demo.sampleCustomerId, sampleProductSku: demo.sampleProductSku, staffId: demo.staffId },
  });
}

console.log(`\nKith is running at ${url}/  (the API, the drop-in at ${url}/drop-in/kith.js, docs at ${url}/docs/)`);
if (examples) console.log(`Examples at ${examples.url}/  ← open this: the storefront, the intranet and the portal`);
if (demo) console.log(`demo publishable key: ${demo.publishableKey}`);
if (demo?.secretKey) console.log(`demo secret key (shown once, keep it): ${demo.secretKey}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await releaseSecret().catch(() => undefined);
    await examples?.close();
    await server.close();
    process.exit(0);
  });
}
