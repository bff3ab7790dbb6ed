import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';

/** The parts of a zod (mini) schema the server uses to check its own output. */
interface OutputSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

/**
 * Sends `value` as JSON after validating it against the contract's schema. An output that
 * fails is a bug on our side: it is logged with the reason and answered as a 500 envelope,
 * never sent half-right.
 */
export function sendValid<T>(
  c: Context<AppEnv>,
  schema: OutputSchema<T>,
  value: unknown,
  status: ContentfulStatusCode = 200,
): Response {
  return c.json(validOutput(c, schema, value) as object, status);
}

/** The validated output, or a logged 500 `ApiError` thrown when it breaks the contract. */
export function validOutput<T>(c: Context<AppEnv>, schema: OutputSchema<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reasons = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  c.get('log')(`error: ${c.req.method} ${c.req.path}: response failed validation: ${reasons.join('; ')}`);
  throw new ApiError(500, 'server', 'Internal server error: the response did not match the API contract');
}
