-- 0001: the whole Kith domain. Plain SQL that runs unchanged on PGlite and PostgreSQL.
-- Conventions: money is bigint minor units + char(3) ISO 4217 currency (never a float);
-- probabilities are integer basis points 0..10000; every timestamp is timestamptz (UTC);
-- ids are uuid; allowed values are CHECK constraints that match @kith/schema's enums.
-- Every table of the domain maps column by column onto its @kith/schema record (the readers
-- in src/<resource>/read.ts do the mapping). The SQL holds what it can check cheaply and
-- always: nullability, enums, numeric ranges and rules across the columns of one row. Text
-- lengths and formats (e-mail, URL, language tag) are checked by the writers with the same
-- schemas. A column that is not in its schema says why it exists ("internal").

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
  -- Their login, kept as typed (Staff.email); unique regardless of case.
  email      text NOT NULL,
  role       text NOT NULL CHECK (role IN ('admin', 'manager', 'sales', 'support')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_email_key ON staff (lower(email));

-- Customers: persons and organisations; a contact person points at their organisation.
-- The value columns (lifetime value, RFM, segment, key account, churn risk) are derived
-- from orders and refreshed when orders change; they are stored for fast cards and lists.
CREATE TABLE customers (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id     text UNIQUE,
  kind            text NOT NULL CHECK (kind IN ('person', 'organisation')),
  name            text NOT NULL,
  company         text,
  organisation_id uuid REFERENCES customers (id) ON DELETE SET NULL,
  role            text,
  channels        jsonb NOT NULL DEFAULT '[]'::jsonb
                    CHECK (jsonb_typeof(channels) = 'array' AND jsonb_array_length(channels) <= 20),
  -- Internal, not in the Customer schema: the key for "upsert by e-mail" (a shop syncing
  -- its users in). GENERATED from `channels` (the preferred e-mail channel, else the first
  -- e-mail channel) and lower-cased, so it can never disagree with what the API shows and
  -- matching ignores case. Nobody writes it; it is null without an e-mail channel.
  email           text GENERATED ALWAYS AS (lower(COALESCE(
                    jsonb_path_query_first(channels, '$[*] ? (@.kind == "email" && @.preferred == true).value'),
                    jsonb_path_query_first(channels, '$[*] ? (@.kind == "email").value')) #>> '{}')) STORED,
  owner_id        uuid REFERENCES staff (id) ON DELETE SET NULL,
  tags            text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 50),
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
  -- Credit is all or nothing (Customer.credit: limit, used, rating).
  CHECK ((credit_limit IS NULL) = (credit_rating IS NULL) AND (credit_limit IS NULL) = (credit_used IS NULL))
);
-- One customer per e-mail address; `email` is lower-case already (see above).
CREATE UNIQUE INDEX customers_email_key ON customers (email);
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
  -- The list price (Product.price); both null when the shop does not sync prices.
  price       bigint CHECK (price >= 0),
  currency    char(3),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((price IS NULL) = (currency IS NULL))
);

-- Orders ingested from the shop; ingestion upserts by the shop's own order number.
-- One currency per order (the schema refuses mixed currencies), so lines have none of
-- their own. Totals are stored as the shop reports them, without arithmetic checks (VAT
-- included in prices or sales tax on top differs per shop). An order has at least one
-- line: the writer inserts the order and its lines in one transaction.
CREATE TABLE orders (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  status      text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded')),
  subtotal    bigint NOT NULL CHECK (subtotal >= 0),
  discount    bigint NOT NULL DEFAULT 0 CHECK (discount >= 0),
  tax         bigint NOT NULL DEFAULT 0 CHECK (tax >= 0),
  shipping    bigint NOT NULL DEFAULT 0 CHECK (shipping >= 0),
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
  -- The shop's product id or SKU, so a line can be matched to a product synced later.
  external_product_id text,
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
  -- The one currency its forecast is summed in; every deal of the pipeline is in it.
  currency   char(3) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, currency)
);

CREATE TABLE stages (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pipeline_id uuid NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  name        text NOT NULL,
  position    integer NOT NULL CHECK (position >= 0),
  probability integer NOT NULL CHECK (probability BETWEEN 0 AND 10000),
  kind        text NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  UNIQUE (pipeline_id, position),
  -- Target of opportunities' (stage_id, pipeline_id): a deal's stage is of its own pipeline.
  UNIQUE (id, pipeline_id),
  -- A won deal counts at its full amount in the forecast, a lost one not at all.
  CHECK (kind = 'open' OR (kind = 'won' AND probability = 10000) OR (kind = 'lost' AND probability = 0))
);

CREATE TABLE opportunities (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pipeline_id    uuid NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  stage_id       uuid NOT NULL,
  customer_id    uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  title          text NOT NULL,
  amount         bigint NOT NULL CHECK (amount >= 0),
  currency       char(3) NOT NULL,
  expected_close date,
  owner_id       uuid REFERENCES staff (id) ON DELETE SET NULL,
  -- Fractional index (Rank): base-62 digits in byte order (COLLATE "C"), so ranks compare
  -- the same here and in JavaScript.
  rank           text COLLATE "C" NOT NULL CHECK (rank ~ '^[0-9A-Za-z]{1,64}$'),
  version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (stage_id, pipeline_id) REFERENCES stages (id, pipeline_id),
  FOREIGN KEY (pipeline_id, currency) REFERENCES pipelines (id, currency)
);
CREATE INDEX opportunities_stage_rank_idx ON opportunities (stage_id, rank);
CREATE INDEX opportunities_customer_idx ON opportunities (customer_id);

-- Feedback: ONE table, three kinds (review, survey, complaint), read as the `Feedback`
-- union. One table keeps "all feedback of a customer" one indexed query and matches the
-- domain's "one concept, three kinds". Each kind's own columns are required for that kind
-- and null for the others (per-kind CHECKs), so no row holds what its schema cannot show.
CREATE TABLE feedback (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind              text NOT NULL CHECK (kind IN ('review', 'survey', 'complaint')),
  customer_id       uuid REFERENCES customers (id) ON DELETE SET NULL,
  -- Review.body, Complaint.body, or Survey.comment (the only one that may be null).
  body              text,
  -- review. A product with reviews is not deleted (NO ACTION): reviews are public record.
  product_id        uuid REFERENCES products (id),
  -- Internal, not in the Review schema: the order that made it a verified purchase.
  order_id          uuid REFERENCES orders (id) ON DELETE SET NULL,
  rating            smallint CHECK (rating BETWEEN 1 AND 5),
  title             text,
  author_name       text,
  language          text,
  verified_purchase boolean,
  moderation_status text CHECK (moderation_status IN ('pending', 'published', 'rejected')),
  rejection_reason  text,
  -- The public reply, Review.reply = { body: reply_body, staffId: reply_staff_id,
  -- repliedAt: replied_at }; all null while unanswered.
  reply_body        text,
  reply_staff_id    uuid REFERENCES staff (id) ON DELETE SET NULL,
  replied_at        timestamptz,
  -- survey
  metric            text CHECK (metric IN ('nps', 'csat', 'ces')),
  score             smallint,
  -- complaint
  category          text CHECK (category IN ('product', 'delivery', 'service', 'billing', 'other')),
  subject           text,
  -- Complaint.contact = { name, email, phone }: an answer needs an e-mail or a phone.
  contact_name      text,
  contact_email     text,
  contact_phone     text,
  complaint_status  text CHECK (complaint_status IN ('open', 'in_progress', 'answered', 'resolved', 'closed')),
  -- complaintDueAt(created_at): the 24-hour deadline, stored so overdue complaints sort
  -- first in one index scan. The writer sets created_at and due_at together.
  due_at            timestamptz,
  answered_at       timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  -- Not in the Survey schema (an answer is never edited) but kept alike for every kind.
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'review' OR (product_id IS NOT NULL AND rating IS NOT NULL AND title IS NOT NULL
    AND body IS NOT NULL AND author_name IS NOT NULL AND language IS NOT NULL AND verified_purchase IS NOT NULL
    AND moderation_status IS NOT NULL
    -- A reason on a review that is not rejected would be shown to no one, or wrongly.
    AND (rejection_reason IS NULL OR moderation_status = 'rejected')
    AND (reply_body IS NULL) = (replied_at IS NULL) AND (reply_staff_id IS NULL OR reply_body IS NOT NULL))),
  CHECK (kind = 'review' OR (product_id, order_id, rating, title, author_name, language, verified_purchase,
    moderation_status, rejection_reason, reply_body, reply_staff_id, replied_at) IS NULL),
  CHECK (kind <> 'survey' OR (metric IS NOT NULL AND score IS NOT NULL AND (
    (metric = 'nps' AND score BETWEEN 0 AND 10) OR (metric = 'csat' AND score BETWEEN 1 AND 5)
    OR (metric = 'ces' AND score BETWEEN 1 AND 7)))),
  CHECK (kind = 'survey' OR (metric, score) IS NULL),
  CHECK (kind <> 'complaint' OR (category IS NOT NULL AND subject IS NOT NULL AND body IS NOT NULL
    AND contact_name IS NOT NULL AND (contact_email IS NOT NULL OR contact_phone IS NOT NULL)
    AND complaint_status IS NOT NULL AND due_at = created_at + interval '24 hours'
    AND (complaint_status NOT IN ('answered', 'resolved') OR answered_at IS NOT NULL))),
  CHECK (kind = 'complaint' OR (category, subject, contact_name, contact_email, contact_phone, complaint_status,
    due_at, answered_at) IS NULL)
);
CREATE INDEX feedback_customer_idx ON feedback (customer_id, created_at DESC);
CREATE INDEX feedback_reviews_idx ON feedback (product_id, moderation_status, created_at DESC) WHERE kind = 'review';
-- Overdue complaints surface first: open ones by deadline.
CREATE INDEX feedback_complaints_idx ON feedback (complaint_status, due_at) WHERE kind = 'complaint';

-- Loyalty: programs, tiers (thresholds in lifetime points), accounts, and the ledger.
CREATE TABLE loyalty_programs (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  -- The earning rate, LoyaltyProgram.pointsPerUnit = { points: earn_points,
  -- per: { amount: earn_per, currency: earn_currency } }: e.g. 1 point per 100 cents.
  earn_points   integer NOT NULL CHECK (earn_points >= 0),
  earn_per      bigint NOT NULL CHECK (earn_per >= 1),
  earn_currency char(3) NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE loyalty_tiers (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  program_id uuid NOT NULL REFERENCES loyalty_programs (id) ON DELETE CASCADE,
  name       text NOT NULL,
  position   integer NOT NULL CHECK (position >= 0),
  threshold  integer NOT NULL CHECK (threshold >= 0),
  benefits   text[] NOT NULL DEFAULT '{}' CHECK (cardinality(benefits) <= 20),
  UNIQUE (program_id, position),
  UNIQUE (program_id, threshold)
);

-- Membership of a customer in a program. No balance column: the balance is the ledger's
-- sum. tier_id is the tier the lifetime points (every ledger row but redeem and expire)
-- reach; stored for cards and lists, kept up to date by whoever appends to the ledger.
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
  -- The order a purchase (or its return) is about.
  order_id             uuid REFERENCES orders (id),
  -- Internal provenance, not in the LedgerEntry schema: the review that earned the points
  -- and the customer a referral brought in, so neither is rewarded twice.
  feedback_id          uuid REFERENCES feedback (id),
  referred_customer_id uuid REFERENCES customers (id),
  note                 text,
  -- When the points moved (LedgerEntry.createdAt).
  created_at           timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (program_id, customer_id) REFERENCES loyalty_accounts (program_id, customer_id),
  -- Earning adds points, spending and expiry take them away; a correction goes either way.
  CHECK ((reason IN ('redeem', 'expire')) = (points < 0) OR reason = 'adjust'),
  CHECK (feedback_id IS NULL OR reason IN ('review', 'adjust')),
  CHECK (referred_customer_id IS NULL OR reason = 'referral')
);
CREATE INDEX loyalty_ledger_account_idx ON loyalty_ledger (customer_id, program_id, created_at DESC);

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
  -- One line for the timeline (Interaction.summary).
  summary        text NOT NULL,
  body           text,
  staff_id       uuid REFERENCES staff (id) ON DELETE SET NULL,
  -- Interaction.refs: the records it is about.
  order_id       uuid REFERENCES orders (id) ON DELETE SET NULL,
  opportunity_id uuid REFERENCES opportunities (id) ON DELETE SET NULL,
  feedback_id    uuid REFERENCES feedback (id) ON DELETE SET NULL,
  -- When it happened; created_at is when it was recorded (a call logged afterwards).
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
