-- 0011: outgoing webhooks. The shop's server registers endpoints (secret key only); every
-- event published by a write queues one delivery per active endpoint subscribed to its type,
-- in that write's transaction, and dispatchers on any instance send them, signed.

CREATE TABLE webhook_endpoints (
  id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url                        text NOT NULL CHECK (length(url) <= 2048),
  -- Event type names (EventType in @kith/schema); validated by the API, not a foreign table.
  events                     text[] NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 100),
  description                text CHECK (length(description) <= 500),
  active                     boolean NOT NULL DEFAULT true,
  -- The HMAC key (`whsec_…`). Kept in clear because signing needs it (a hash cannot sign);
  -- answered only on creation and rotation, never logged or audited.
  secret                     text NOT NULL,
  -- After a rotation the old secret signs too (a second `v1=`) until it expires, so a
  -- receiver can switch secrets without refusing deliveries meanwhile.
  previous_secret            text,
  previous_secret_expires_at timestamptz,
  created_at                 timestamptz NOT NULL,
  updated_at                 timestamptz NOT NULL,
  CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL))
);
CREATE INDEX webhook_endpoints_created_idx ON webhook_endpoints (created_at DESC, id DESC);

-- One row per (event, endpoint): the queue and the delivery log at once.
CREATE TABLE webhook_deliveries (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  -- events.id; no foreign key: live events are pruned sooner than this log. Null for a ping.
  event_id         bigint,
  event_type       text NOT NULL,
  -- The body sent (a KithEvent, or a ping). Erasure scans and anonymises it like any record.
  payload          jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  -- Attempts started; counted when a dispatcher claims the delivery, so a crash mid-send
  -- still counts and a poisoned delivery cannot loop forever.
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL,
  -- Set while one dispatcher sends it; others skip it until then (a crashed sender's claim lapses).
  locked_until     timestamptz,
  last_attempt_at  timestamptz,
  last_status_code integer,
  last_error       text CHECK (length(last_error) <= 300),
  created_at       timestamptz NOT NULL,
  delivered_at     timestamptz,
  CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);
-- Dispatchers: the due pending deliveries, oldest first.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending';
-- The delivery log of one endpoint, newest first.
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC);
-- Retention sweeps delete by age.
CREATE INDEX webhook_deliveries_created_idx ON webhook_deliveries (created_at);

-- Complaint deadline warnings: each sent once, whichever instance's job sees it first
-- (`UPDATE … SET …_notified_at = now WHERE … IS NULL RETURNING`).
ALTER TABLE feedback ADD COLUMN due_soon_notified_at timestamptz;
ALTER TABLE feedback ADD COLUMN overdue_notified_at timestamptz;
-- The job's scan: complaints still waiting for an answer that have not had their last warning.
CREATE INDEX feedback_deadline_warnings_idx ON feedback (due_at)
  WHERE kind = 'complaint' AND complaint_status IN ('open', 'in_progress') AND answered_at IS NULL AND overdue_notified_at IS NULL;
