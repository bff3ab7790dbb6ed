-- Indexes for the feedback and review routes (the table itself is in 0001).

-- A product page: its published reviews newest first, by stars (highest / lowest sorts,
-- star filters) and the aggregates (counts per star from the index alone).
CREATE INDEX feedback_published_reviews_idx ON feedback (product_id, rating, created_at DESC, id)
  WHERE kind = 'review' AND moderation_status = 'published';

-- The staff inbox across kinds, newest first with the id tie-breaker of the cursor.
CREATE INDEX feedback_created_idx ON feedback (created_at DESC, id);
