import type { Database, Queryable } from '../db/database.js';
import { addAllowedOrigins, createApiKey } from '../keys/api-keys.js';
import { generateDemo } from './generate.js';
import { insertDemo } from './tables.js';

/** What a start reports about the demo: keys for the examples and a customer to show. */
export interface DemoInfo {
  publishableKey: string;
  /** The secret key exists in clear only on the first start; null afterwards. */
  secretKey: string | null;
  sampleCustomerId: string;
}

/** The `settings` row that remembers the demo (the publishable key is public by nature). */
interface DemoSetting {
  publishableKey: string;
  publishableKeyId: string;
  secretKeyId: string;
  sampleCustomerId: string;
  seededAt: string;
}

const SEED_LOCK_KEY = 0x6b697469;

async function readDemoSetting(q: Queryable): Promise<DemoSetting | null> {
  const { rows } = await q.query<{ value: DemoSetting }>("SELECT value FROM settings WHERE key = 'demo'");
  return rows[0]?.value ?? null;
}

/**
 * Seeds the demo shop on the first start of an empty database and returns its keys; on
 * later starts returns the publishable key and sample customer again (secret null) and
 * adds `origins` to the publishable key's allowed origins. A database that already holds
 * data of its own is never seeded (returns null). Serialised by an advisory lock so two
 * instances starting together on one PostgreSQL seed once.
 */
export async function ensureDemo(db: Database, options: { origins: readonly string[]; now?: Date }): Promise<DemoInfo | null> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const existing = await readDemoSetting(tx);
    if (existing) {
      await addAllowedOrigins(tx, existing.publishableKeyId, options.origins);
      return { publishableKey: existing.publishableKey, secretKey: null, sampleCustomerId: existing.sampleCustomerId };
    }
    const { rows } = await tx.query<{ used: boolean }>('SELECT EXISTS (SELECT 1 FROM customers) AS used');
    if (rows[0]?.used) return null;

    const data = generateDemo(options.now ?? new Date());
    await insertDemo(tx, data);
    const publishable = await createApiKey(tx, { kind: 'publishable', name: 'Demo publishable key', label: 'demo', allowedOrigins: [...options.origins] });
    const secret = await createApiKey(tx, { kind: 'secret', name: 'Demo secret key', label: 'demo' });
    const setting: DemoSetting = {
      publishableKey: publishable.key,
      publishableKeyId: publishable.id,
      secretKeyId: secret.id,
      sampleCustomerId: data.sampleCustomerId,
      seededAt: new Date().toISOString(),
    };
    await tx.query("INSERT INTO settings (key, value) VALUES ('demo', $1::jsonb)", [JSON.stringify(setting)]);
    return { publishableKey: publishable.key, secretKey: secret.key, sampleCustomerId: data.sampleCustomerId };
  });
}

/** The demo as recorded, without changing anything (null when never seeded). */
export async function readDemo(q: Queryable): Promise<DemoInfo | null> {
  const setting = await readDemoSetting(q);
  return setting ? { publishableKey: setting.publishableKey, secretKey: null, sampleCustomerId: setting.sampleCustomerId } : null;
}
