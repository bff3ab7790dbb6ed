/** Assertions for schema tests: parse, and say which issue when it goes the wrong way. */
import assert from 'node:assert/strict';
import * as z from 'zod/mini';

type Path = readonly PropertyKey[];

const describe = (issues: readonly z.core.$ZodIssue[]) =>
  issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ');

/** Asserts that `schema` accepts `value` and returns the parsed output. */
export function accepts<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) assert.fail(`expected a valid value, got: ${describe(result.error.issues)}`);
  return result.data;
}

/** Asserts that `schema` rejects `value`, with an issue at `path` when one is given. */
export function rejects(schema: z.core.$ZodType, value: unknown, path?: Path): void {
  const result = z.safeParse(schema, value);
  if (result.success) assert.fail(`expected a rejection, but ${JSON.stringify(value)} was accepted`);
  if (path) {
    const samePath = (issue: z.core.$ZodIssue) =>
      issue.path.length === path.length && issue.path.every((key, i) => key === path[i]);
    const found = result.error.issues.some(samePath);
    assert.ok(found, `expected an issue at ${path.map(String).join('.')}, got: ${describe(result.error.issues)}`);
  }
}

/** True when two types are identical (not merely assignable either way). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
