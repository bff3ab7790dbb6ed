-- 0010: live updates. Every event is a row written in the same transaction as the change
-- it reports, then announced with NOTIFY kith_events (delivered at commit), so a stream on
-- any instance sees it, and a reconnecting client resumes from its Last-Event-ID.
CREATE TABLE events (
  id       bigserial PRIMARY KEY,
  topic    text NOT NULL,
  type     text NOT NULL,
  audience text NOT NULL CHECK (audience IN ('public', 'customer', 'staff')),
  data     jsonb NOT NULL,
  at       timestamptz NOT NULL
);
CREATE INDEX events_topic_idx ON events (topic, id);
-- Retention sweeps delete by age.
CREATE INDEX events_at_idx ON events (at);
