import type { Credential } from '../auth/credential.js';
import type { SigningSecrets } from '../auth/signing-secrets.js';
import type { Database } from '../db/database.js';

/** The app's clock: injectable so token expiry, due times and key retention are testable. */
export type Clock = () => Date;

/** What every route can reach on the Hono context. */
export interface AppEnv {
  Variables: {
    db: Database;
    log: (line: string) => void;
    now: Clock;
    signingSecrets: SigningSecrets;
    /** Set by `authenticate()` on every request; `{ kind: 'none' }` without credentials. */
    credential: Credential;
  };
}
