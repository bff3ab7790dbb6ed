// The messages between `bench-server.mjs` (the load generator) and `server-child.ts` (the
// servers). The parent is plain JavaScript: it relies on these shapes without importing them.

/** The page origin every benchmark request claims; the demo key allows it. */
export const BENCH_ORIGIN = 'https://shop.example';
/** The author of every review the benchmark submits, so a reset finds them. */
export const BENCH_AUTHOR = 'Kith bench';

/** What the servers are and what the scenarios address. */
export interface Fixture {
  database: string;
  kithUrl: string;
  bareUrl: string;
  origin: string;
  benchAuthor: string;
  publishableKey: string;
  /** The product with the most published reviews (the list scenario). */
  listProductId: string;
  publishedReviews: number;
  /** Another product, which the submit scenarios review. */
  submitProductId: string;
  /** The demo's sample customer (customer get, with a token of its account manager). */
  customerId: string;
  bareNotes: readonly string[];
  /** Open, migrate, seed and listen, in milliseconds. */
  startMs: number;
}

export type ChildRequest =
  | { type: 'token'; id: number }
  /** Waits until neither server is handling a request. */
  | { type: 'quiet'; id: number }
  /** Waits until quiet, then deletes what the write runs added. */
  | { type: 'reset'; id: number }
  | { type: 'count'; id: number; title: string; key: string }
  | { type: 'close'; id: number };

export type ChildReply =
  | { type: 'ready'; fixture: Fixture }
  | { type: 'token'; id: number; token: string }
  | { type: 'quiet'; id: number }
  /** `grown`: tables whose row count differs from right after seeding ("feedback +3"). */
  | { type: 'reset'; id: number; grown: string[] }
  | { type: 'count'; id: number; reviews: number; keys: number }
  | { type: 'closed'; id: number }
  | { type: 'failed'; id: number; message: string };
