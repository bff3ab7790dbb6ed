-- 0002: what makes the API safe to call from web pages and retries.

-- Token signing secrets, shared by every instance through the database. Tokens name the
-- secret that signed them (`kid`), so a new secret can take over while tokens signed by
-- the previous one stay valid until they expire (≤ 15 min); then it is retired.
CREATE TABLE signing_secrets (
  kid        text PRIMARY KEY,
  secret     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);

-- Idempotency keys: the first response to a write is stored in the same transaction as
-- the write and replayed to retries. Scoped to the credential's subject, method and path.
CREATE TABLE idempotency_keys (
  subject      text NOT NULL,
  method       text NOT NULL,
  path         text NOT NULL,
  key          text NOT NULL,
  request_hash char(64) NOT NULL,
  status       integer,
  body         jsonb,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (subject, method, path, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Audit trail of staff and server writes: who, what, when, before and after.
CREATE TABLE audit_log (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  actor_kind  text NOT NULL CHECK (actor_kind IN ('secret', 'staff', 'customer', 'publishable', 'system')),
  actor_id    text NOT NULL,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  before      jsonb,
  after       jsonb,
  at          timestamptz NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at DESC);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
