// A review's length limits as plain numbers (no zod), so a shopper's form can count characters
// against the same limits the schema enforces without bundling the schema library.

/** Most characters (UTF-16 code units of the text as sent: review text is kept verbatim) of each field a shopper writes in a review. */
export const REVIEW_LIMITS = {
  title: 150,
  body: 5000,
  authorName: 80,
  email: 254,
} as const;
