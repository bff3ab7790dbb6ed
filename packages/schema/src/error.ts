import * as z from 'zod/mini';

/** Every error code the HTTP API answers with. */
export const ErrorCode = z.enum([
  'bad_request',
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_required',
  'idempotency_mismatch',
  'rate_limited',
  'payload_too_large',
  'server',
  'unavailable',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One problem with one field of the input. */
export const FieldIssue = z.strictObject({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** The one error shape of the API: `{ error: { code, message, details? } }`. */
export const ErrorEnvelope = z.strictObject({
  error: z.strictObject({
    code: ErrorCode,
    message: z.string(),
    details: z.optional(
      z.object({
        issues: z.optional(z.array(FieldIssue)),
        current: z.optional(z.unknown()),
        retryAfterSeconds: z.optional(z.int()),
      }),
    ),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
