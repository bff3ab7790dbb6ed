import { KithError } from './errors.js';

/** One problem found in a response, in a form that survives structured cloning and logging. */
export interface ResponseIssue {
  path: PropertyKey[];
  message: string;
}

/** The part of a zod (mini) schema this needs; kept structural so the SDK does not import zod. */
export interface ResponseSchema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

/**
 * Validates a response body at the boundary: a server that answers garbage gets a typed
 * `invalid_response` error whose message and `details.issues` say what was wrong.
 */
export function parseResponse<T>(schema: ResponseSchema<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues: ResponseIssue[] = result.error.issues.map((issue) => ({ path: [...issue.path], message: issue.message }));
  const summary = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  throw new KithError('invalid_response', `The server's ${what} did not match the schema: ${summary}${more}`, {
    details: { issues },
  });
}
