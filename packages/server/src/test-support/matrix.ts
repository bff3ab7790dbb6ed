// The auth matrix: for every route, the status each credential of `CREDENTIALS` gets.
// Route files contribute rows in `routes/*.matrix.ts`; `routes/matrix.test.ts` runs them
// all and checks that every route of the table has a row.
import type { CredentialName, TestApi } from './api.js';

export interface MatrixRow {
  /** `METHOD /path/with/:params` exactly as in the route table. */
  route: string;
  /** The concrete path to call. */
  path(api: TestApi): string;
  /** A valid body for writes (so only the credential decides the outcome). */
  body?(api: TestApi): unknown;
  expect: Record<CredentialName, number>;
  /**
   * The route answers a stream (`GET /v1/events`) that stays open: on success the matrix
   * checks the status and cancels the body instead of reading it to the end.
   */
  stream?: true;
}

/** Statuses when only the credentials listed in `allowed` may pass. */
export function onlyAllowed(allowed: Partial<Record<CredentialName, number>>, ok = 200): Record<CredentialName, number> {
  return {
    none: 401,
    pk: 403,
    pkForeign: 403,
    customer: 403,
    otherCustomer: 403,
    staffNoScope: 403,
    staff: 403,
    expired: 401,
    tampered: 401,
    otherPk: 403,
    sk: 403,
    skBrowser: 403,
    ...Object.fromEntries(Object.entries(allowed).map(([name, status]) => [name, status ?? ok])),
  };
}

/** Statuses of a public route: any valid credential (or none) passes; invalid ones are still refused. */
export function publicRoute(ok = 200): Record<CredentialName, number> {
  return onlyAllowed({ none: ok, pk: ok, customer: ok, otherCustomer: ok, staffNoScope: ok, staff: ok, sk: ok });
}
