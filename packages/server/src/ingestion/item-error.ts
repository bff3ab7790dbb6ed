import type { FieldIssue } from '@kith/schema';
import { ApiError, validationError } from '../http/errors.js';

/**
 * A problem with one ingested item that the schema could not see (an unknown owner, an
 * e-mail that belongs to another customer). Checked before writing, so a batch can report
 * every failing item: a failed SQL statement would abort the whole transaction.
 */
export class ItemError extends Error {
  override name = 'ItemError';
  constructor(
    /** 400 for input that refers to nothing; 409 for a clash with another record. */
    readonly status: 400 | 409,
    readonly issue: FieldIssue,
  ) {
    super(issue.message);
  }
}

/** A single item's error as the API answers it. */
export function asApiError(error: ItemError): ApiError {
  return error.status === 409
    ? new ApiError(409, 'conflict', error.message, { issues: [error.issue] })
    : validationError(`Invalid body: ${error.issue.path.join('.')} ${error.message}`, [error.issue]);
}

/** How an ingestion applies its items: as a batch (`eachItem`) or as the one item of a single route (`oneItem`). */
export type Each = <T, R>(items: readonly T[], one: (item: T, index: number) => Promise<R>) => Promise<R[]>;

/**
 * Runs `one` over a batch in order, in the caller's transaction. All or nothing: when any
 * item fails, the answer is one 400 naming every failing item (`path` starts with
 * `['items', index]`) and the transaction rolls back.
 */
export const eachItem: Each = async (items, one) => {
  const results = [];
  const issues: FieldIssue[] = [];
  for (const [index, item] of items.entries()) {
    try {
      results.push(await one(item, index));
    } catch (error) {
      if (!(error instanceof ItemError)) throw error;
      issues.push({ path: ['items', index, ...error.issue.path], message: error.message });
    }
  }
  if (issues.length > 0) {
    const indexes = [...new Set(issues.map((issue) => issue.path[1]))].join(', ');
    throw validationError(`Items ${indexes} failed; nothing was applied.`, issues);
  }
  return results;
};

/** Runs `one` over the items of a single-item route: an `ItemError` becomes its 400 or 409. */
export const oneItem: Each = async (items, one) => {
  const results = [];
  try {
    for (const [index, item] of items.entries()) results.push(await one(item, index));
  } catch (error) {
    throw error instanceof ItemError ? asApiError(error) : error;
  }
  return results;
};
