import type { Credential } from '../auth/credential.js';
import type { SigningSecrets } from '../auth/signing-secrets.js';
import type { Database } from '../db/database.js';
import type { Services } from '../services.js';

/** The app's clock: injectable so token expiry, due times and key retention are testable. */
export type Clock = () => Date;

/** What every route can reach on the Hono context. */
export interface AppEnv {
  Variables: {
    db: Database;
    log: (line: string) => void;
    now: Clock;
    signingSecrets: SigningSecrets;
    /** The process's live fan-out, key cache, limiter, webhooks and jobs. */
    services: Services;
    /** The client's address: the socket's, or from `X-Forwarded-For` per the trusted-proxy setting. */
    clientAddress: string;
    /** Set by `authenticate()` on every request; `{ kind: 'none' }` without credentials. */
    credential: Credential;
  };
}
