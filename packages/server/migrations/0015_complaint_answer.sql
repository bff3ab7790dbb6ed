-- 0015: a complaint keeps the shop's latest answer in the reply columns, so the shopper who
-- wrote it reads the answer with the complaint (`Complaint.reply`) instead of only staff
-- finding it in the timeline and the audit log.

-- 0001's unnamed CHECK that kept every review column null on other kinds (Postgres named it
-- feedback_check1, on PGlite and PostgreSQL alike): the same rule without the reply columns…
ALTER TABLE feedback DROP CONSTRAINT feedback_check1;
ALTER TABLE feedback ADD CONSTRAINT feedback_review_columns_check
  CHECK (kind = 'review' OR (product_id, order_id, rating, title, author_name, language, verified_purchase,
    moderation_status, rejection_reason) IS NULL);
-- …and the reply columns on reviews and complaints only, whole or empty (a complaint's
-- answer may come from staff since deleted, like a review's reply).
ALTER TABLE feedback ADD CONSTRAINT feedback_reply_columns_check
  CHECK ((kind IN ('review', 'complaint') OR (reply_body, reply_staff_id, replied_at) IS NULL)
    AND (reply_body IS NULL) = (replied_at IS NULL) AND (reply_staff_id IS NULL OR reply_body IS NOT NULL));
