import { MAX_TOKEN_SECONDS } from '@kith/schema';
import { SigningSecrets } from '../auth/signing-secrets.js';
import type { Database } from '../db/database.js';
import { OpsError } from './errors.js';

// Rotating the secret that signs tokens, for `kith-server tokens rotate|retire`. Tokens name
// their secret (`kid`), so rotation is seamless: new tokens are signed with the new secret,
// tokens signed before keep verifying until they expire (at most 15 minutes), and only then
// is the old secret retired.

/** Announces a rotation or retirement to every running instance (PostgreSQL). */
export const SIGNING_SECRETS_CHANNEL = 'kith_signing_secrets';

/** Margin over the longest token lifetime for clocks of instances that differ a little. */
const SKEW_SECONDS = 60;

/**
 * Keeps a running instance's secrets current: on an announcement it re-reads them, so the
 * instance signs with the new secret and stops trusting retired ones at once rather than at
 * its next restart.
 */
export function watchSigningSecrets(db: Database, secrets: SigningSecrets, log: (line: string) => void): Promise<() => Promise<void>> {
  return db.listen(SIGNING_SECRETS_CHANNEL, () => {
    secrets.reload().catch((error: unknown) => log(`error: signing secrets: could not reload (${(error as Error).message})`));
  });
}

async function announce(db: Database, kid: string): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [SIGNING_SECRETS_CHANNEL, kid]);
}

/** Starts signing with a new secret; returns its kid and the kids still verifying beside it. */
export async function rotateSigningSecret(db: Database): Promise<{ kid: string; stillValid: string[] }> {
  const current = await new SigningSecrets(db).rotate();
  await announce(db, current.kid);
  const { rows } = await db.query<{ kid: string }>(
    'SELECT kid FROM signing_secrets WHERE retired_at IS NULL AND kid <> $1 ORDER BY created_at DESC, kid DESC',
    [current.kid],
  );
  return { kid: current.kid, stillValid: rows.map((row) => row.kid) };
}

/** Thrown when retiring now would cut off tokens that have not expired yet. */
export class RetireTooSoonError extends OpsError {
  override name = 'RetireTooSoonError';
  constructor(readonly safeAt: Date) {
    super(
      `Tokens signed with the previous secret may still be valid until ${safeAt.toISOString()} ` +
        `(the longest token lifetime is ${MAX_TOKEN_SECONDS / 60} minutes). Retire after that, or pass --force to cut them off now.`,
    );
  }
}

/**
 * Retires every secret but the current one: tokens they signed stop verifying. Refused
 * (with {@link RetireTooSoonError}) until the longest token lifetime has passed since the
 * current secret took over, unless `force`. Returns the retired kids.
 */
export async function retireSigningSecrets(db: Database, options: { force?: boolean } = {}): Promise<string[]> {
  const { rows } = await db.query<{ kid: string; created_at: Date; now: Date }>(
    'SELECT kid, created_at, now() AS now FROM signing_secrets WHERE retired_at IS NULL ORDER BY created_at DESC, kid DESC',
  );
  const [current, ...old] = rows;
  if (!current || old.length === 0) return [];
  const safeAt = new Date(current.created_at.getTime() + (MAX_TOKEN_SECONDS + SKEW_SECONDS) * 1000);
  if (!options.force && current.now < safeAt) throw new RetireTooSoonError(safeAt);
  await db.query('UPDATE signing_secrets SET retired_at = now() WHERE kid = ANY($1::text[]) AND retired_at IS NULL', [old.map((row) => row.kid)]);
  await announce(db, current.kid);
  return old.map((row) => row.kid);
}
