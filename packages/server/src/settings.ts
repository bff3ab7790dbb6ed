/**
 * Everything an operator can tune, with the defaults a single shop needs. `kith-server`
 * maps flags and environment variables onto it; tests pass small values (short windows,
 * no background timer) and drive time through the injectable clock.
 */
export interface ServerSettings {
  /**
   * How many `X-Forwarded-For` hops to believe: 0 (default) uses the socket's address;
   * 1 believes the last address a single trusted proxy appended; and so on.
   */
  trustedProxyHops: number;
  /** Request limits shared by every instance (through Postgres); null turns them off. */
  rateLimits: RateLimitSettings | null;
  /** One survey answer per customer and metric within this many days (0: no cap). */
  surveyCapDays: number;
  /** A review submitted faster than this after the form appeared is treated as spam. */
  reviewMinFillMs: number;
  retention: RetentionSettings;
  events: EventSettings;
  webhooks: WebhookSettings;
  /** The periodic jobs (deadline warnings, webhook retries, retention, point expiry). */
  jobs: { intervalMs: number };
}

export interface RateLimitSettings {
  /** The fixed window every limit counts in (aligned to the epoch, so every instance agrees). */
  windowSeconds: number;
  /** Requests per window per API key (a token counts against its publishable key). */
  perKey: number;
  /** Requests per window per client address (IPv6: per /64), for every credential but a secret key. */
  perAddress: number;
  /** Writes with a publishable key or a customer token (feedback) per window per client address. */
  publicWritesPerAddress: number;
  /**
   * Requests refused for bad credentials (401) per window per client address; over it, the
   * address is refused before its credentials are even looked up (key guessing, floods of
   * junk tokens that would each cost a database lookup).
   */
  failedAuthPerAddress: number;
  /**
   * How often an instance adds its local counts to the shared ones and learns the others'
   * (0: only on `limiter.flush()`). Instances together may overshoot a limit by what they
   * admit within one interval.
   */
  syncMs: number;
}

/**
 * How long the server keeps its logs, in days (fractions allowed), by the app clock. The
 * `retention` job (privacy/retention-job.ts) deletes older rows on every round; a value
 * that is not positive turns that deletion off (kept forever).
 */
export interface RetentionSettings {
  /** Idempotency records (a retried write within this time is applied once). */
  idempotencyDays: number;
  /** Webhook delivery log: delivered and failed deliveries (pending ones are the queue, never deleted). */
  webhookLogDays: number;
  /** Live events kept for `Last-Event-ID` resume. */
  eventDays: number;
}

export interface EventSettings {
  /** A comment line on every open stream this often, so proxies keep it open. */
  heartbeatMs: number;
  /** How long an instance trusts a cached API key without a change notification. */
  keyCacheTtlMs: number;
}

export interface WebhookSettings {
  /** Per delivery attempt. */
  timeoutMs: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  /** Receivers should refuse a signature older than this (documented, used by `verifyWebhook`). */
  toleranceSeconds: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  trustedProxyHops: 0,
  rateLimits: { windowSeconds: 60, perKey: 6_000, perAddress: 1_200, publicWritesPerAddress: 30, failedAuthPerAddress: 60, syncMs: 250 },
  surveyCapDays: 30,
  reviewMinFillMs: 3_000,
  retention: { idempotencyDays: 7, webhookLogDays: 30, eventDays: 7 },
  events: { heartbeatMs: 15_000, keyCacheTtlMs: 5_000 },
  webhooks: { timeoutMs: 10_000, maxAttempts: 8, toleranceSeconds: 300 },
  jobs: { intervalMs: 30_000 },
};

/** A partial override of the settings, one level deep. */
export type SettingsOverride = {
  [K in keyof ServerSettings]?: ServerSettings[K] extends object | null ? Partial<NonNullable<ServerSettings[K]>> | null : ServerSettings[K];
};

/** The defaults with an override applied (`rateLimits: null` turns limits off). */
export function resolveSettings(override: SettingsOverride = {}): ServerSettings {
  const merged = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const base = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key];
    merged[key] = value !== null && typeof value === 'object' && base !== null && typeof base === 'object' ? { ...base, ...value } : value;
  }
  return merged as unknown as ServerSettings;
}
