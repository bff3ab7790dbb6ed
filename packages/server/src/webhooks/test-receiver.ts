// For tests: a real HTTP receiver on 127.0.0.1 (an ephemeral port) that records every
// request and answers as the test says — a status, a redirect, or no answer at all.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent (what a signature covers). */
  body: string;
}

/** How to answer the n-th request (0-based): a status, a status with headers and a delay, or `hang` (never answer). */
export type Answer = number | { status: number; headers?: Record<string, string>; delayMs?: number } | 'hang';

export interface Receiver {
  /** `http://127.0.0.1:<port>/hook`. */
  url: string;
  origin: string;
  received: Received[];
  /** Resolves when at least `count` requests arrived, or rejects after `ms`. */
  waitFor(count: number, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(answer: (request: Received, index: number) => Answer = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: Received = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const reply = answer(request, received.length);
      received.push(request);
      for (const wake of waiters) wake();
      if (reply === 'hang') return;
      const { status, headers = {}, delayMs = 0 } = typeof reply === 'number' ? { status: reply } : reply;
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'text/plain', ...headers });
        res.end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/hook`,
    origin,
    received,
    waitFor(count, ms = 5_000) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} webhook requests within ${ms} ms, got ${received.length}`));
        }, ms);
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
