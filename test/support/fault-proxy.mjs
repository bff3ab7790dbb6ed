// A fault-injecting HTTP proxy in front of the real Kith server, for tests of what a client does
// when the network misbehaves in ways a stopped server cannot show (an answer lost AFTER the
// server applied a write, a rate limit with a long Retry-After).
//
// Modes (set with `proxy.setMode(mode)`; the kith-server plugin's `kith-fault-proxy` command):
//   'pass'               forwards everything as is.
//   'down'               destroys every connection at once, forwarding nothing (a server that is gone).
//   'drop-answer-once'   forwards the next WRITE (POST/PUT/PATCH/DELETE) to the server, waits for its
//                        whole answer (so the write is committed), then destroys the client's socket
//                        without answering; back to 'pass' afterwards. Preflights and reads pass.
//   'rate-limit-once'    answers the next write 429 with `Retry-After: <retryAfterSeconds>` (default
//                        30) and the server's error envelope, without forwarding it; then 'pass'.
// `stats()` counts what happened since the last `setMode`, so a test can prove the fault occurred.
// Every answer closes its connection: browsers silently resend a request whose REUSED keep-alive
// connection closes without an answer (Chromium does), which would hide the client's own retry.
import { createServer, request as httpRequest } from 'node:http';

export const FAULT_MODES = /** @type {const} */ (['pass', 'down', 'drop-answer-once', 'rate-limit-once']);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Starts a proxy on a free loopback port.
 * @param {{ target: () => string }} options `target()` gives the server's base URL at each request
 *   (a restarted server keeps its port, but the proxy asks anyway).
 */
export async function startFaultProxy({ target }) {
  /** @type {(typeof FAULT_MODES)[number]} */
  let mode = 'pass';
  let retryAfterSeconds = 30;
  const stats = { forwarded: 0, dropped: 0, refused: 0, limited: 0 };
  const sockets = new Set();

  const server = createServer((req, res) => {
    if (mode === 'down') {
      stats.refused++;
      req.socket.destroy();
      return;
    }
    const isWrite = WRITES.has(req.method ?? '');
    if (mode === 'rate-limit-once' && isWrite) {
      mode = 'pass';
      stats.limited++;
      req.resume();
      const origin = req.headers.origin;
      res.writeHead(429, {
        connection: 'close',
        'content-type': 'application/json',
        'retry-after': String(retryAfterSeconds),
        // The browser must be allowed to read it, as the real server's CORS answer would allow.
        ...(origin ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' } : {}),
      });
      res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests (fault proxy).', details: { retryAfterSeconds } } }));
      return;
    }
    const drop = mode === 'drop-answer-once' && isWrite;
    if (drop) mode = 'pass';
    const base = new URL(target());
    const upstream = httpRequest(
      { hostname: base.hostname, port: base.port, method: req.method, path: req.url, headers: { ...req.headers, host: base.host } },
      (answer) => {
        stats.forwarded++;
        if (drop) {
          // Read the whole answer (the server has committed the write), then vanish.
          answer.resume();
          answer.on('end', () => {
            stats.dropped++;
            req.socket.destroy();
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, connection: 'close' });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    /** @param {string} next @param {{ retryAfterSeconds?: number }} [options] */
    setMode(next, options = {}) {
      if (!FAULT_MODES.includes(/** @type {never} */ (next))) {
        throw new Error(`[fault-proxy] unknown mode ${JSON.stringify(next)}; one of ${FAULT_MODES.join(', ')}`);
      }
      mode = /** @type {(typeof FAULT_MODES)[number]} */ (next);
      retryAfterSeconds = options.retryAfterSeconds ?? 30;
      Object.assign(stats, { forwarded: 0, dropped: 0, refused: 0, limited: 0 });
      // Connections the browser keeps alive from the previous mode must not carry over into 'down'.
      if (mode === 'down') for (const socket of sockets) socket.destroy();
    },
    stats: () => ({ ...stats }),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
