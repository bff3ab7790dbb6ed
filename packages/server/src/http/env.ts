import type { Database } from '../db/database.js';
import type { KeyKind } from '../keys/api-keys.js';

/** The credential a request was authenticated with (issue #3 adds customer and staff tokens). */
export interface Credential {
  kind: KeyKind;
  keyId: string;
  /** The request's Origin when it carried one (already checked against the key). */
  origin: string | null;
}

/** What every route can reach on the Hono context. */
export interface AppEnv {
  Variables: {
    db: Database;
    log: (line: string) => void;
    credential: Credential;
  };
}
