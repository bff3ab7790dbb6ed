import type { Database, Queryable } from '../db/database.js';
import { addAllowedOrigins, createApiKey } from '../keys/api-keys.js';
import { generateDemo } from './generate.js';
import type { SampleProducts } from './sample-products.js';
import { insertDemo } from './tables.js';

/**
 * What a start reports about the demo: keys for the examples, a customer and products to show
 * (`SampleProducts`; null for a demo seeded before they were recorded).
 */
export interface DemoInfo extends Nullable<SampleProducts> {
  publishableKey: string;
  /** The secret key exists in clear only on the first start; null afterwards. */
  secretKey: string | null;
  sampleCustomerId: string;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** The `settings` row that remembers the demo (the publishable key is public by nature). */
interface DemoSetting extends Partial<SampleProducts> {
  publishableKey: string;
  publishableKeyId: string;
  secretKeyId: string;
  sampleCustomerId: string;
  seededAt: string;
}

/** What a later start answers from the recorded setting (the secret is gone by then). */
function infoOf(setting: DemoSetting): DemoInfo {
  return {
    publishableKey: setting.publishableKey,
    secretKey: null,
    sampleCustomerId: setting.sampleCustomerId,
    sampleProductId: setting.sampleProductId ?? null,
    sampleProductSku: setting.sampleProductSku ?? null,
    purchasedProductId: setting.purchasedProductId ?? null,
  };
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
      return infoOf(existing);
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
      sampleProductId: data.sampleProductId,
      sampleProductSku: data.sampleProductSku,
      purchasedProductId: data.purchasedProductId,
      seededAt: new Date().toISOString(),
    };
    await tx.query("INSERT INTO settings (key, value) VALUES ('demo', $1::jsonb)", [JSON.stringify(setting)]);
    return { ...infoOf(setting), secretKey: secret.key };
  });
}

/** The demo as recorded, without changing anything (null when never seeded). */
export async function readDemo(q: Queryable): Promise<DemoInfo | null> {
  const setting = await readDemoSetting(q);
  return setting ? infoOf(setting) : null;
}
