import type { Scope } from '@kith/schema';

/**
 * Who a request speaks for, after authentication. `origin` is the browser page's origin
 * (already checked against the publishable key's list) or null for a browserless client.
 */
export type Credential =
  | { kind: 'none'; origin: string | null }
  | { kind: 'publishable'; keyId: string; origin: string | null }
  | { kind: 'secret'; keyId: string; origin: null }
  | { kind: 'customer'; customerId: string; keyId: string; origin: string | null; expiresAt: Date }
  | { kind: 'staff'; staffId: string; scopes: readonly Scope[]; keyId: string; origin: string | null; expiresAt: Date };

/** A credential kind. */
export type CredentialKind = Credential['kind'];

/**
 * The subject a credential acts for: idempotency keys and audit entries are scoped to it,
 * so two shoppers can never replay each other's writes.
 */
export function subjectOf(credential: Credential): string {
  switch (credential.kind) {
    case 'none':
      return 'anonymous';
    case 'publishable':
      return `pk:${credential.keyId}`;
    case 'secret':
      return `sk:${credential.keyId}`;
    case 'customer':
      return `customer:${credential.customerId}`;
    case 'staff':
      return `staff:${credential.staffId}`;
  }
}

/**
 * What a route accepts. Anything not listed answers 401 (no credential) or 403 (the wrong
 * one). A customer token reaches only its own customer's data: the route checks that.
 */
export interface Access {
  /** Anyone, with or without a credential (health, the OpenAPI document). */
  public?: true;
  /** A publishable key from one of its origins (public reads, feedback creation). */
  publishable?: true;
  /** A customer token (that shopper's own data). */
  customer?: true;
  /**
   * A staff token carrying this scope; `true`: any staff token (the route checks further,
   * as the live-events route does per topic).
   */
  staff?: Scope | true;
  /** A secret key (the shop's own server: ingestion, minting tokens, everything staff can). */
  secret?: true;
}
