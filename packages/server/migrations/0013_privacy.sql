-- 0013: privacy — per-customer export and erasure (src/privacy/).

-- An erased customer stays as a tombstone (name "Erased customer", no channels, tags or
-- external id), so their orders still count in analytics and references stay valid. Set
-- on the first erasure, kept on a repeat.
ALTER TABLE customers ADD COLUMN erased_at timestamptz;

-- Whether a text (a column, or a jsonb value cast to text) mentions any of `patterns`:
-- case-insensitive regular expressions the server builds from one customer's id, name,
-- e-mail addresses, phone numbers and other channel values, every character that means
-- something in a regular expression escaped (src/privacy/subject.ts), and bound as a
-- parameter. A Latin word never matches inside a longer one ("Ann" not in "Annual").
CREATE FUNCTION kith_mentions(t text, patterns text[]) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT t IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(patterns) AS p(pattern) WHERE t ~* p.pattern)
$$;

-- The text with every match of `patterns` (as above) replaced by `replacement`.
CREATE FUNCTION kith_scrub(t text, patterns text[], replacement text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  pattern text;
BEGIN
  IF t IS NULL THEN
    RETURN NULL;
  END IF;
  FOREACH pattern IN ARRAY patterns LOOP
    t := regexp_replace(t, pattern, replacement, 'gi');
  END LOOP;
  RETURN t;
END
$$;

-- The ledger stays append-only (0001, 0004). Erasure is the one more exception besides a
-- merge: inside a transaction that sets `kith.erase` (privacy/erase.ts) an entry's note may
-- be cleared and its link to an erased review dropped — never its points, reason, time,
-- order or customer, so every balance stays what it was.
CREATE OR REPLACE FUNCTION kith_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('kith.merge', true) = 'on'
     AND (NEW.id, NEW.program_id, NEW.points, NEW.reason, NEW.order_id, NEW.feedback_id, NEW.note, NEW.created_at)
         IS NOT DISTINCT FROM (OLD.id, OLD.program_id, OLD.points, OLD.reason, OLD.order_id, OLD.feedback_id, OLD.note, OLD.created_at)
  THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('kith.erase', true) = 'on'
     AND (NEW.note IS NULL OR NEW.note = OLD.note)
     AND (NEW.feedback_id IS NULL OR NEW.feedback_id = OLD.feedback_id)
     AND (NEW.id, NEW.program_id, NEW.customer_id, NEW.points, NEW.reason, NEW.order_id, NEW.referred_customer_id, NEW.created_at)
         IS NOT DISTINCT FROM (OLD.id, OLD.program_id, OLD.customer_id, OLD.points, OLD.reason, OLD.order_id, OLD.referred_customer_id, OLD.created_at)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: add a correcting row instead', TG_TABLE_NAME;
END
$$;
