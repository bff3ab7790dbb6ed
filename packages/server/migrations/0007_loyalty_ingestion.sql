-- Loyalty rules the server applies itself, and the indexes that make every award happen once.

-- The program's rules beyond the earning rate. Defaults are the demo club's rules, so the
-- seeded program gets them: 50 points for a published review, 500 for referring a new
-- customer, and a balance expires after 12 months without any ledger activity (null: never).
ALTER TABLE loyalty_programs
  ADD COLUMN review_points integer NOT NULL DEFAULT 50 CHECK (review_points >= 0),
  ADD COLUMN referral_points integer NOT NULL DEFAULT 500 CHECK (referral_points >= 0),
  ADD COLUMN expire_after_months integer DEFAULT 12 CHECK (expire_after_months BETWEEN 1 AND 120);

-- Once per review, per referred customer and per order: a retried or concurrent award hits
-- the index (INSERT … ON CONFLICT DO NOTHING) instead of paying twice. Later changes to an
-- order's points (a refund) are `adjust` rows with the same order_id.
CREATE UNIQUE INDEX loyalty_ledger_review_once ON loyalty_ledger (feedback_id) WHERE reason = 'review';
CREATE UNIQUE INDEX loyalty_ledger_referral_once ON loyalty_ledger (referred_customer_id) WHERE reason = 'referral';
CREATE UNIQUE INDEX loyalty_ledger_purchase_once ON loyalty_ledger (order_id) WHERE reason = 'purchase';
-- An expiry is dated at the moment the balance lapsed, which the ledger alone determines,
-- so two readers applying the same expiry at once write one row.
CREATE UNIQUE INDEX loyalty_ledger_expire_once ON loyalty_ledger (program_id, customer_id, created_at) WHERE reason = 'expire';
CREATE INDEX loyalty_ledger_order_idx ON loyalty_ledger (order_id) WHERE order_id IS NOT NULL;

-- Newest-first ledger pages with an id tie-breaker.
CREATE INDEX loyalty_ledger_page_idx ON loyalty_ledger (customer_id, created_at DESC, id DESC);
