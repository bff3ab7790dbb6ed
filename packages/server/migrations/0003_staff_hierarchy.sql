-- 0003: the sales hierarchy, which decides what a staff user sees.
-- A representative sees the customers and opportunities they own or that are shared with
-- them; a manager also sees everything their team (direct and indirect reports) owns;
-- admins and support see every customer (support answers the whole inbox).

ALTER TABLE staff ADD COLUMN team text;
ALTER TABLE staff ADD COLUMN manager_id uuid REFERENCES staff (id) ON DELETE SET NULL;
ALTER TABLE staff ADD CONSTRAINT staff_not_own_manager CHECK (manager_id IS NULL OR manager_id <> id);
CREATE INDEX staff_manager_idx ON staff (manager_id);

-- Records shared with a staff user who does not own them.
CREATE TABLE customer_shares (
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  staff_id    uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, staff_id)
);
CREATE INDEX customer_shares_staff_idx ON customer_shares (staff_id);

CREATE TABLE opportunity_shares (
  opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
  staff_id       uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (opportunity_id, staff_id)
);
CREATE INDEX opportunity_shares_staff_idx ON opportunity_shares (staff_id);

-- The staff whose records a staff user sees by ownership: themself and every report,
-- direct or indirect (UNION stops a cycle from recursing forever).
CREATE FUNCTION kith_staff_scope(viewer uuid) RETURNS TABLE (id uuid)
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE team(id) AS (
    SELECT viewer
    UNION
    SELECT s.id FROM staff s JOIN team t ON s.manager_id = t.id
  )
  SELECT id FROM team
$$;
