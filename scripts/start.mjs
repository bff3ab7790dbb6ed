// The README's start command (after the build): the reference server on the embedded
// database with demo data, also serving examples/ and the drop-in bundle, at one URL.
// Options: --port N (or PORT, default 8787), --data-dir DIR (or KITH_DATA_DIR, default
// .kith-data/), DATABASE_URL for PostgreSQL, --no-demo to start empty.
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
    app.use('/drop-in/*', folder('/drop-in', './packages/elements/dist/drop-in'));
    // Keys are random per install, so the example pages read them from here.
    app.get('/demo/settings.json', (c) =>
      demo
        ? c.json({ baseUrl: new URL(c.req.url).origin, publishableKey: demo.publishableKey, customerIds: [demo.sampleCustomerId] })
        : c.json({ error: { code: 'not_found', message: 'This server was started with --no-demo.' } }, 404),
    );
  },
});
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
