import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';

/** A secret that signs tokens, named by its key id. */
export interface SigningSecret {
  kid: string;
  secret: string;
}

/**
 * The signing secrets of an install, read from the database so every instance signs and
 * verifies alike. The newest unretired secret signs; every unretired one verifies. A kid
 * not in memory is looked up once more (another instance may have rotated).
 */
export class SigningSecrets {
  #byKid = new Map<string, string>();
  #current: SigningSecret | null = null;

  constructor(private readonly db: Queryable) {}

  /**
   * The secret new tokens are signed with; creates the first one on a fresh install. Pass
   * the open transaction when called inside one: PGlite is a single connection, so a query
   * on the database itself would wait for that transaction forever.
   */
  async current(q: Queryable = this.db): Promise<SigningSecret> {
    if (this.#current) return this.#current;
    await this.#load(q);
    if (!this.#current) {
      await q.query('INSERT INTO signing_secrets (kid, secret) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        newKid(),
        randomBytes(32).toString('base64url'),
      ]);
      await this.#load(q);
    }
    if (!this.#current) throw new Error('no signing secret could be created');
    return this.#current;
  }

  /** The secret named `kid`, or null when it is unknown or retired. */
  async find(kid: string): Promise<string | null> {
    if (!this.#byKid.has(kid)) await this.#load();
    return this.#byKid.get(kid) ?? null;
  }

  /** Starts signing with a new secret; the previous ones still verify until retired. */
  async rotate(): Promise<SigningSecret> {
    await this.db.query('INSERT INTO signing_secrets (kid, secret) VALUES ($1, $2)', [newKid(), randomBytes(32).toString('base64url')]);
    this.#current = null;
    return this.current();
  }

  /** Re-reads the secrets (another process rotated or retired them). */
  async reload(): Promise<void> {
    await this.#load();
  }

  /** Retires every secret but the current one (after the longest token lifetime has passed). */
  async retireOld(): Promise<void> {
    const current = await this.current();
    await this.db.query('UPDATE signing_secrets SET retired_at = now() WHERE kid <> $1 AND retired_at IS NULL', [current.kid]);
    await this.#load();
  }

  async #load(q: Queryable = this.db): Promise<void> {
    const { rows } = await q.query<{ kid: string; secret: string }>(
      'SELECT kid, secret FROM signing_secrets WHERE retired_at IS NULL ORDER BY created_at DESC, kid DESC',
    );
    this.#byKid = new Map(rows.map((row) => [row.kid, row.secret]));
    const newest = rows[0];
    this.#current = newest ? { kid: newest.kid, secret: newest.secret } : null;
  }
}

function newKid(): string {
  return `k${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}
