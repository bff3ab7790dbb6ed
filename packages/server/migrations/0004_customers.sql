-- 0004: customer search, duplicate detection and merging.

-- Case- and accent-folding for search and duplicate matching: Latin letters with
-- diacritics become their base letter, then lower case ('Zoë Müller' ~ 'zoe muller').
-- translate() maps both cases to the lower-case base letter, so the result does not depend
-- on the database's locale (lower() under the C locale folds ASCII only). CJK text is
-- left as it is: a search for it is an exact substring match.
CREATE FUNCTION kith_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(translate(t,
    'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž',
    'aaaaaaceeeeiiiinoooooouuuuyaaaaaaceeeeiiiinoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjkkllllllllllnnnnnnoooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz'))
$$;

-- A name as duplicate detection compares it: folded, trimmed, inner spaces collapsed.
CREATE FUNCTION kith_name_key(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(btrim(kith_fold(t)), '\s+', ' ', 'g')
$$;

-- A phone number as duplicate detection compares it: its digits, an international "00"
-- prefix counted like "+" ('+44 7700 900123' = '0044-7700-900-123').
CREATE FUNCTION kith_phone_digits(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(regexp_replace(t, '\D', '', 'g'), '^00', '')
$$;

-- Merging two customers moves the duplicate's ledger entries to the survivor. The ledger
-- stays append-only for everything else: points, reasons and times never change, rows are
-- never deleted; only the customer columns may be re-pointed, and only inside a merge
-- transaction that says so with `SET LOCAL kith.merge = 'on'` (customers/merge.ts).
CREATE FUNCTION kith_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('kith.merge', true) = 'on'
     AND (NEW.id, NEW.program_id, NEW.points, NEW.reason, NEW.order_id, NEW.feedback_id, NEW.note, NEW.created_at)
         IS NOT DISTINCT FROM (OLD.id, OLD.program_id, OLD.points, OLD.reason, OLD.order_id, OLD.feedback_id, OLD.note, OLD.created_at)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: add a correcting row instead', TG_TABLE_NAME;
END
$$;
DROP TRIGGER loyalty_ledger_append_only ON loyalty_ledger;
CREATE TRIGGER loyalty_ledger_append_only BEFORE UPDATE OR DELETE ON loyalty_ledger
  FOR EACH ROW EXECUTE FUNCTION kith_ledger_append_only();
