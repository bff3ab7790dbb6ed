-- 0012: abuse defences shared by every instance.

-- Request limits in fixed windows (see src/abuse/rate-limiter.ts). Each instance counts in
-- memory and adds its increments here every few hundred milliseconds with
-- INSERT … ON CONFLICT DO UPDATE SET count = count + n RETURNING count, learning the shared
-- total back. UNLOGGED: counters that last a minute need no write-ahead log, and losing
-- them in a crash only reopens the current window. `bucket` names an API key id or a
-- client address, never a secret; rows older than the previous window are deleted.
CREATE UNLOGGED TABLE rate_limit_counters (
  bucket       text NOT NULL,
  window_start timestamptz NOT NULL,
  count        integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_counters_window_idx ON rate_limit_counters (window_start);

-- The survey frequency cap: when a customer last answered each metric with a customer
-- token. One row per customer and metric, claimed atomically by the answer's own
-- transaction (src/abuse/survey-cap.ts), so two instances cannot both accept a second answer.
CREATE TABLE survey_caps (
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  metric      text NOT NULL CHECK (metric IN ('nps', 'csat', 'ces')),
  answered_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, metric)
);

-- Answers given before this migration count too.
INSERT INTO survey_caps (customer_id, metric, answered_at)
SELECT customer_id, metric, max(created_at) FROM feedback
 WHERE kind = 'survey' AND customer_id IS NOT NULL
 GROUP BY customer_id, metric;
