import * as z from 'zod/mini';
import { Timestamp } from './common.js';

/**
 * `GET /v1/health`: a load balancer only needs the 200, an operator reads the rest.
 * `status` is a literal because an unhealthy server answers 503 with the error envelope.
 */
export const Health = z.strictObject({
  status: z.literal('ok'),
  /** The server's package version, e.g. `0.1.0`. */
  version: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Which storage the process runs on: embedded PGlite or a PostgreSQL server. */
  database: z.enum(['pglite', 'postgres']),
  /** The server's clock, so a client can spot skew against token expiry. */
  time: Timestamp,
});
export type Health = z.infer<typeof Health>;
