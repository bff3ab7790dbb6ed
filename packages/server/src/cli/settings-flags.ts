import type { SettingsOverride } from '../settings.js';
import { UsageError, wholeNumber, type Io } from './command.js';

/** One tunable of `ServerSettings`, settable by a flag or an environment variable. */
interface SettingFlag {
  flag: string;
  env: string;
  help: string;
  set(override: Overrides, value: number): void;
}

/** The override being built: each sub-object a plain record until it is handed over. */
type Overrides = { -readonly [K in keyof SettingsOverride]: SettingsOverride[K] };

const sub = <K extends 'rateLimits' | 'retention' | 'events' | 'webhooks' | 'jobs'>(o: Overrides, key: K): NonNullable<Overrides[K]> => {
  const current = o[key];
  if (current) return current as NonNullable<Overrides[K]>;
  const created = {} as NonNullable<Overrides[K]>;
  o[key] = created;
  return created;
};

/** Flags beyond the start command's own, mapped onto `ServerSettings` (src/settings.ts). */
export const SETTING_FLAGS: readonly SettingFlag[] = [
  { flag: 'trusted-proxy-hops', env: 'KITH_TRUSTED_PROXY_HOPS', help: 'X-Forwarded-For hops to believe (0: the socket address)', set: (o, v) => (o.trustedProxyHops = v) },
  { flag: 'rate-limit-window', env: 'KITH_RATE_LIMIT_WINDOW_SECONDS', help: 'rate-limit window, seconds', set: (o, v) => (sub(o, 'rateLimits').windowSeconds = v) },
  { flag: 'rate-limit-per-key', env: 'KITH_RATE_LIMIT_PER_KEY', help: 'requests per window per API key', set: (o, v) => (sub(o, 'rateLimits').perKey = v) },
  { flag: 'rate-limit-per-address', env: 'KITH_RATE_LIMIT_PER_ADDRESS', help: 'requests per window per client address', set: (o, v) => (sub(o, 'rateLimits').perAddress = v) },
  { flag: 'rate-limit-public-writes', env: 'KITH_RATE_LIMIT_PUBLIC_WRITES', help: 'publishable-key writes per window per address', set: (o, v) => (sub(o, 'rateLimits').publicWritesPerAddress = v) },
  { flag: 'rate-limit-failed-auth', env: 'KITH_RATE_LIMIT_FAILED_AUTH', help: 'requests with bad credentials (401) per window per address', set: (o, v) => (sub(o, 'rateLimits').failedAuthPerAddress = v) },
  { flag: 'survey-cap-days', env: 'KITH_SURVEY_CAP_DAYS', help: 'one survey answer per customer and metric within N days (0: no cap)', set: (o, v) => (o.surveyCapDays = v) },
  { flag: 'review-min-fill-ms', env: 'KITH_REVIEW_MIN_FILL_MS', help: 'a review filled faster than this is spam', set: (o, v) => (o.reviewMinFillMs = v) },
  { flag: 'retention-idempotency-days', env: 'KITH_RETENTION_IDEMPOTENCY_DAYS', help: 'keep idempotency records N days', set: (o, v) => (sub(o, 'retention').idempotencyDays = v) },
  { flag: 'retention-webhook-log-days', env: 'KITH_RETENTION_WEBHOOK_LOG_DAYS', help: 'keep the webhook delivery log N days', set: (o, v) => (sub(o, 'retention').webhookLogDays = v) },
  { flag: 'retention-event-days', env: 'KITH_RETENTION_EVENT_DAYS', help: 'keep live events (for resume) N days', set: (o, v) => (sub(o, 'retention').eventDays = v) },
  { flag: 'heartbeat-ms', env: 'KITH_HEARTBEAT_MS', help: 'live-stream heartbeat interval', set: (o, v) => (sub(o, 'events').heartbeatMs = v) },
  { flag: 'key-cache-ttl-ms', env: 'KITH_KEY_CACHE_TTL_MS', help: 'longest an API key is trusted from memory', set: (o, v) => (sub(o, 'events').keyCacheTtlMs = v) },
  { flag: 'webhook-timeout-ms', env: 'KITH_WEBHOOK_TIMEOUT_MS', help: 'per webhook delivery attempt', set: (o, v) => (sub(o, 'webhooks').timeoutMs = v) },
  { flag: 'webhook-max-attempts', env: 'KITH_WEBHOOK_MAX_ATTEMPTS', help: 'attempts before a delivery fails', set: (o, v) => (sub(o, 'webhooks').maxAttempts = v) },
  { flag: 'jobs-interval-ms', env: 'KITH_JOBS_INTERVAL_MS', help: 'periodic jobs interval (0: no timer)', set: (o, v) => (sub(o, 'jobs').intervalMs = v) },
];

/** The parseArgs options of {@link SETTING_FLAGS}, plus `--no-rate-limits`. */
export const SETTING_OPTIONS = {
  ...Object.fromEntries(SETTING_FLAGS.map((s) => [s.flag, { type: 'string' }] as const)),
  'no-rate-limits': { type: 'boolean' },
} as Record<string, { type: 'string' } | { type: 'boolean' }>;

/** The usage lines of the setting flags. */
export function settingsUsage(): string {
  const rows = [
    ...SETTING_FLAGS.map((s) => [`--${s.flag} N`, s.env, s.help]),
    ['--no-rate-limits', 'KITH_RATE_LIMITS=off', 'turn rate limits off (wins over the values above)'],
  ];
  const width = Math.max(...rows.map((r) => (r[0] ?? '').length));
  const envWidth = Math.max(...rows.map((r) => (r[1] ?? '').length));
  return rows.map(([flag = '', env = '', help = '']) => `  ${flag.padEnd(width)}  ${env.padEnd(envWidth)}  ${help}`).join('\n');
}

/** The settings override from flags (which win) and environment variables; unset ones keep their defaults. */
export function settingsFrom(values: Readonly<Record<string, unknown>>, io: Io): SettingsOverride {
  const override: Overrides = {};
  for (const setting of SETTING_FLAGS) {
    const flag = values[setting.flag];
    const raw = typeof flag === 'string' ? flag : io.env[setting.env];
    if (raw === undefined || raw === '') continue;
    setting.set(override, wholeNumber(raw, typeof flag === 'string' ? `--${setting.flag}` : setting.env));
  }
  const limitsOff = io.env.KITH_RATE_LIMITS;
  if (limitsOff !== undefined && limitsOff !== '' && limitsOff !== 'off' && limitsOff !== 'on') {
    throw new UsageError(`KITH_RATE_LIMITS must be off or on, got ${JSON.stringify(limitsOff)}`);
  }
  // Off wins over any --rate-limit-* value.
  if (values['no-rate-limits'] === true || limitsOff === 'off') override.rateLimits = null;
  return override;
}
