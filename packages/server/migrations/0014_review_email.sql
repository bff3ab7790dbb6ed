-- 0014: a review may carry the e-mail its writer left for the shop (optional in the review
-- form). It is kept in `contact_email`, the column a complaint's contact e-mail uses, so the
-- privacy export and erasure find a person's e-mail in one place. Staff see it in `Review`;
-- public answers (`PublicReview`, the publishable key's receipt) never carry it.

-- 0001's unnamed CHECK that kept every complaint column null on other kinds (Postgres named
-- it feedback_check5, on PGlite and PostgreSQL alike): the same rule without contact_email…
ALTER TABLE feedback DROP CONSTRAINT feedback_check5;
ALTER TABLE feedback ADD CONSTRAINT feedback_complaint_columns_check
  CHECK (kind = 'complaint' OR (category, subject, contact_name, contact_phone, complaint_status, due_at, answered_at) IS NULL);
-- …and contact_email allowed on complaints and reviews, never on survey answers.
ALTER TABLE feedback ADD CONSTRAINT feedback_contact_email_check
  CHECK (kind IN ('complaint', 'review') OR contact_email IS NULL);
