// Request and response shapes of the /v1/keys routes: the shop's server manages its own
// API keys with its secret key. A key itself is shown once, when created, and never again.
import * as z from 'zod/mini';
import { Id, Timestamp, shortText } from './common.js';
import { PageQuery, page } from './page.js';

/** A publishable key (`pk_…`, public, bound to origins) or a secret key (`sk_…`, servers only). */
export const ApiKeyKind = z.enum(['publishable', 'secret']);
export type ApiKeyKind = z.infer<typeof ApiKeyKind>;

/** The most origins one publishable key may list. */
export const MAX_KEY_ORIGINS = 50;

/**
 * A web page's origin as browsers send it in `Origin`: `https://shop.example` or
 * `http://localhost:8080` — scheme, host and port only (no path, query or trailing slash),
 * lower-case, the default port left out.
 */
export const Origin = z.string().check(
  z.maxLength(2048),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'Must be an origin such as https://shop.example (scheme, host and port; no path)'),
);
export type Origin = z.infer<typeof Origin>;

/** An API key as the shop's server sees it: never the key or its hash, only a prefix to recognise it. */
export const ApiKey = z.strictObject({
  id: Id,
  kind: ApiKeyKind,
  /** What the key is for ("Checkout widget", "ERP sync"). */
  name: shortText(100),
  /** The visible start of the key, e.g. `pk_live_3f9a`. */
  prefix: z.string().check(z.minLength(4), z.maxLength(140)),
  /** Publishable keys: the origins whose pages may use it (empty for secret keys). */
  origins: z.array(Origin),
  createdAt: Timestamp,
  /** When it stopped working; null while active. */
  revokedAt: z.nullable(Timestamp),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** `GET /v1/keys`: oldest first; `kind` and `revoked` narrow the list. */
export const ApiKeyQuery = z.extend(PageQuery, {
  kind: z.optional(ApiKeyKind),
  /** `false`: active keys only; `true`: revoked keys only. */
  revoked: z.optional(z.enum(['true', 'false'])),
});
export type ApiKeyQuery = z.infer<typeof ApiKeyQuery>;

export const ApiKeyPage = page(ApiKey);
export type ApiKeyPage = z.infer<typeof ApiKeyPage>;

/** `POST /v1/keys`: a new key; only a publishable key has origins. */
export const CreateApiKey = z
  .strictObject({
    kind: ApiKeyKind,
    name: shortText(100),
    origins: z.optional(z.array(Origin).check(z.maxLength(MAX_KEY_ORIGINS))),
  })
  .check(
    z.refine((body) => body.kind === 'publishable' || !body.origins?.length, {
      message: 'A secret key has no origins: it is never accepted from a browser',
      path: ['origins'],
    }),
  );
export type CreateApiKey = z.infer<typeof CreateApiKey>;

/** The answer to `POST /v1/keys`: the record and the key itself — the only time it is shown. */
export const CreatedApiKey = z.extend(ApiKey, {
  key: z.string().check(z.regex(/^(pk|sk)_[A-Za-z0-9_]{8,120}$/)),
});
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

/** `PUT /v1/keys/:id/origins`: the publishable key's whole list of origins (replaced). */
export const ApiKeyOrigins = z.strictObject({
  origins: z.array(Origin).check(z.maxLength(MAX_KEY_ORIGINS)),
});
export type ApiKeyOrigins = z.infer<typeof ApiKeyOrigins>;
