-- Tier expiry: a program may hold tiers by the points earned within a rolling window of
-- `tier_validity_months` months (by the app clock) instead of by lifetime points. NULL keeps
-- lifetime tiers (a tier never expires), which is what every existing program gets.
ALTER TABLE loyalty_programs
  ADD COLUMN tier_validity_months integer NULL CHECK (tier_validity_months > 0);
