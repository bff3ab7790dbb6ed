-- 0001: the whole Kith domain. Plain SQL that runs unchanged on PGlite and PostgreSQL.
-- Conventions: money is bigint minor units + char(3) ISO 4217 currency (never a float);
-- probabilities are integer basis points 0..10000; every timestamp is timestamptz (UTC);
-- ids are uuid; allowed values are CHECK constraints that match @kith/schema's enums.

-- The migrator's own bookkeeping (it checks to_regclass('schema_migrations') before this exists).
CREATE TABLE schema_migrations (
  name       text PRIMARY KEY,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- Small key/value store for install-wide settings (the demo publishable key, which is
-- public by nature, and the sample customer the examples show).
CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Staff users: they own customers and opportunities and act in the inbox.
CREATE TABLE staff (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL,
  email      text,
  role       text NOT NULL CHECK (role IN ('admin', 'manager', 'sales', 'support')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_email_key ON staff (lower(email)) WHERE email IS NOT NULL;

-- Customers: persons and organisations; a contact person points at their organisation.
-- The value columns (lifetime value, RFM, segment, key account, churn risk) are derived
-- from orders and refreshed when orders change; they are stored for fast cards and lists.
CREATE TABLE customers (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id     text UNIQUE,
  email           text,
  kind            text NOT NULL CHECK (kind IN ('person', 'organisation')),
  name            text NOT NULL,
  company         text,
  organisation_id uuid REFERENCES customers (id) ON DELETE SET NULL,
  role            text,
  channels        jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(channels) = 'array'),
  owner_id        uuid REFERENCES staff (id) ON DELETE SET NULL,
  tags            text[] NOT NULL DEFAULT '{}',
  locale          text,
  currency        char(3) NOT NULL DEFAULT 'EUR',
  lifetime_value  bigint NOT NULL DEFAULT 0 CHECK (lifetime_value >= 0),
  order_count     integer NOT NULL DEFAULT 0 CHECK (order_count >= 0),
  first_order_at  timestamptz,
  last_order_at   timestamptz,
  rfm_recency     smallint CHECK (rfm_recency BETWEEN 1 AND 5),
  rfm_frequency   smallint CHECK (rfm_frequency BETWEEN 1 AND 5),
  rfm_monetary    smallint CHECK (rfm_monetary BETWEEN 1 AND 5),
  segment         text CHECK (segment IN ('champion', 'loyal', 'potential', 'new', 'promising',
                    'needs_attention', 'at_risk', 'cannot_lose', 'hibernating', 'lost')),
  key_account     boolean NOT NULL DEFAULT false,
  churn_level     text CHECK (churn_level IN ('low', 'medium', 'high')),
  churn_score     integer CHECK (churn_score BETWEEN 0 AND 10000),
  credit_limit    bigint CHECK (credit_limit >= 0),
  credit_used     bigint,
  credit_rating   char(1) CHECK (credit_rating IN ('A', 'B', 'C', 'D', 'E')),
  version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((rfm_recency IS NULL) = (rfm_frequency IS NULL) AND (rfm_recency IS NULL) = (rfm_monetary IS NULL)),
  CHECK ((churn_level IS NULL) = (churn_score IS NULL)),
  CHECK ((credit_limit IS NULL) = (credit_rating IS NULL))
);
-- Upsert by e-mail (a shop syncing its users in) is case-insensitive.
CREATE UNIQUE INDEX customers_email_key ON customers (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX customers_organisation_idx ON customers (organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX customers_owner_idx ON customers (owner_id);
CREATE INDEX customers_value_idx ON customers (lifetime_value DESC, id);

-- The shop's catalogue.
CREATE TABLE products (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text UNIQUE,
  name        text NOT NULL,
  url         text,
  image_url   text,
  price       bigint NOT NULL CHECK (price >= 0),
  currency    char(3) NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Orders ingested from the shop (its own order number as external_id).
CREATE TABLE orders (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  status      text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded')),
  total       bigint NOT NULL CHECK (total >= 0),
  currency    char(3) NOT NULL,
  placed_at   timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at DESC);

CREATE TABLE order_lines (
  order_id   uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no    integer NOT NULL CHECK (line_no >= 1),
  product_id uuid REFERENCES products (id) ON DELETE SET NULL,
  name       text NOT NULL,
  quantity   integer NOT NULL CHECK (quantity >= 1),
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  total      bigint NOT NULL CHECK (total >= 0),
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_lines_product_idx ON order_lines (product_id);

-- Sales pipelines and their stages (win probability in basis points, kind open/won/lost).
CREATE TABLE pipelines (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL,
  currency   char(3) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stages (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pipeline_id uuid NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  name        text NOT NULL,
  position    integer NOT NULL,
  probability integer NOT NULL CHECK (probability BETWEEN 0 AND 10000),
  kind        text NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  UNIQUE (pipeline_id, position),
  CHECK (kind = 'open' OR (kind = 'won' AND probability = 10000) OR (kind = 'lost' AND probability = 0))
);

CREATE TABLE opportunities (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pipeline_id    uuid NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  stage_id       uuid NOT NULL REFERENCES stages (id),
  customer_id    uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  title          text NOT NULL,
  amount         bigint NOT NULL CHECK (amount >= 0),
  currency       char(3) NOT NULL,
  expected_close date,
  owner_id       uuid REFERENCES staff (id) ON DELETE SET NULL,
  -- Fractional index: byte order (COLLATE "C") so ranks compare the same everywhere.
  rank           text COLLATE "C" NOT NULL,
  version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  closed_at      timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX opportunities_stage_rank_idx ON opportunities (stage_id, rank);
CREATE INDEX opportunities_customer_idx ON opportunities (customer_id);

-- Feedback: ONE table, three kinds (review, survey, complaint). The shared columns are
-- common; each kind's own columns are checked by a per-kind CHECK. One table keeps
-- "all feedback of a customer / a product" one indexed query and matches the domain's
-- "one concept, three kinds".
CREATE TABLE feedback (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind              text NOT NULL CHECK (kind IN ('review', 'survey', 'complaint')),
  customer_id       uuid REFERENCES customers (id) ON DELETE SET NULL,
  product_id        uuid REFERENCES products (id) ON DELETE SET NULL,
  order_id          uuid REFERENCES orders (id) ON DELETE SET NULL,
  language          text,
  body              text,
  -- review
  rating            smallint CHECK (rating BETWEEN 1 AND 5),
  title             text,
  author_name       text,
  verified_purchase boolean,
  moderation_status text CHECK (moderation_status IN ('pending', 'published', 'rejected')),
  reply_body        text,
  replied_at        timestamptz,
  replied_by        uuid REFERENCES staff (id) ON DELETE SET NULL,
  -- survey
  metric            text CHECK (metric IN ('nps', 'csat', 'ces')),
  score             smallint,
  surveyor          text,
  -- complaint
  category          text CHECK (category IN ('product', 'delivery', 'service', 'billing', 'other')),
  contact           text,
  complaint_status  text CHECK (complaint_status IN ('open', 'in_progress', 'answered', 'resolved', 'closed')),
  due_at            timestamptz,
  answered_at       timestamptz,
  resolved_at       timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'review' OR (rating IS NOT NULL AND body IS NOT NULL AND moderation_status IS NOT NULL
    AND verified_purchase IS NOT NULL)),
  CHECK (kind <> 'survey' OR (metric IS NOT NULL AND score IS NOT NULL AND (
    (metric = 'nps' AND score BETWEEN 0 AND 10) OR (metric = 'csat' AND score BETWEEN 1 AND 5)
    OR (metric = 'ces' AND score BETWEEN 1 AND 7)))),
  -- The 24-hour answer deadline is set by the writer (created_at + 24 h), so it is stored.
  CHECK (kind <> 'complaint' OR (category IS NOT NULL AND body IS NOT NULL AND complaint_status IS NOT NULL
    AND due_at IS NOT NULL))
);
CREATE INDEX feedback_customer_idx ON feedback (customer_id, created_at DESC);
CREATE INDEX feedback_reviews_idx ON feedback (product_id, moderation_status, created_at DESC) WHERE kind = 'review';
-- Overdue complaints surface first: open ones by deadline.
CREATE INDEX feedback_complaints_idx ON feedback (complaint_status, due_at) WHERE kind = 'complaint';

-- Loyalty: programs, tiers (thresholds in lifetime points), accounts, and the ledger.
CREATE TABLE loyalty_programs (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  -- Points earned per whole currency unit spent, and what a point is worth when redeemed.
  points_per_unit integer NOT NULL DEFAULT 1 CHECK (points_per_unit >= 0),
  point_value bigint NOT NULL DEFAULT 1 CHECK (point_value >= 0),
  currency    char(3) NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE loyalty_tiers (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  program_id uuid NOT NULL REFERENCES loyalty_programs (id) ON DELETE CASCADE,
  name       text NOT NULL,
  position   integer NOT NULL,
  threshold  integer NOT NULL CHECK (threshold >= 0),
  benefits   text[] NOT NULL DEFAULT '{}',
  UNIQUE (program_id, position),
  UNIQUE (program_id, threshold)
);

-- Membership of a customer in a program. No balance column: the balance is the ledger's sum.
CREATE TABLE loyalty_accounts (
  program_id  uuid NOT NULL REFERENCES loyalty_programs (id) ON DELETE CASCADE,
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  tier_id     uuid REFERENCES loyalty_tiers (id) ON DELETE SET NULL,
  joined_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, customer_id)
);
CREATE INDEX loyalty_accounts_customer_idx ON loyalty_accounts (customer_id);

-- Append-only: a correction is a new 'adjust' row, never an UPDATE or DELETE (trigger below).
CREATE TABLE loyalty_ledger (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  program_id           uuid NOT NULL,
  customer_id          uuid NOT NULL,
  points               integer NOT NULL CHECK (points <> 0),
  reason               text NOT NULL CHECK (reason IN ('purchase', 'review', 'referral', 'redeem', 'adjust', 'expire')),
  order_id             uuid REFERENCES orders (id),
  feedback_id          uuid REFERENCES feedback (id),
  referred_customer_id uuid REFERENCES customers (id),
  note                 text,
  occurred_at          timestamptz NOT NULL DEFAULT now(),
  created_at           timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (program_id, customer_id) REFERENCES loyalty_accounts (program_id, customer_id),
  CHECK ((reason IN ('redeem', 'expire')) = (points < 0) OR reason = 'adjust')
);
CREATE INDEX loyalty_ledger_account_idx ON loyalty_ledger (customer_id, program_id, occurred_at DESC);

CREATE FUNCTION kith_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: add a correcting row instead', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER loyalty_ledger_append_only BEFORE UPDATE OR DELETE ON loyalty_ledger
  FOR EACH ROW EXECUTE FUNCTION kith_append_only();

-- The timeline: one event from any channel. Created last so it can point at the rest.
CREATE TABLE interactions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id    uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  channel        text NOT NULL CHECK (channel IN ('phone', 'email', 'web', 'mobile', 'sms', 'chat', 'visit', 'fax', 'social')),
  type           text NOT NULL CHECK (type IN ('note', 'call', 'meeting', 'order', 'ticket', 'complaint', 'review',
                   'survey', 'points', 'stage_change', 'notification')),
  direction      text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
  phase          text NOT NULL CHECK (phase IN ('pre_sale', 'sale', 'after_sale')),
  subject        text NOT NULL,
  body           text,
  staff_id       uuid REFERENCES staff (id) ON DELETE SET NULL,
  order_id       uuid REFERENCES orders (id) ON DELETE SET NULL,
  opportunity_id uuid REFERENCES opportunities (id) ON DELETE SET NULL,
  feedback_id    uuid REFERENCES feedback (id) ON DELETE SET NULL,
  data           jsonb NOT NULL DEFAULT '{}'::jsonb,
  occurred_at    timestamptz NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interactions_timeline_idx ON interactions (customer_id, occurred_at DESC, id DESC);

-- API keys. The key itself is never stored: only its SHA-256 (hex) and a short visible
-- prefix to recognise it in a list. Publishable keys carry the origins allowed to use them.
CREATE TABLE api_keys (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            text NOT NULL CHECK (kind IN ('publishable', 'secret')),
  name            text NOT NULL,
  prefix          text NOT NULL,
  key_hash        char(64) NOT NULL UNIQUE,
  allowed_origins text[] NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz
);
