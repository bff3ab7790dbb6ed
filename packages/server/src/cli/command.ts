import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes and what environment it reads (tests pass their own). */
export interface Io {
  /** Standard output: results a script may capture (a new key, JSON). */
  out(text: string): void;
  /** Standard error: messages for the operator. */
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: success, a failure (refused, locked, unreachable), a usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * A `kith-server` subcommand. `run` resolves to the exit code, or to `null` when the
 * command keeps the process running (`start`).
 */
export interface Command {
  name: string;
  /** The command with its arguments, and what it does: one line of `kith-server --help`. */
  synopsis: string;
  summary: string;
  /** The command's own `--help`. */
  usage: string;
  run(args: string[], io: Io): Promise<number | null>;
}

/** Wrong flags or arguments: the message and the usage are printed, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The flags a command declares (node:util's `parseArgs` options). */
export type Options = NonNullable<ParseArgsConfig['options']>;

/** What {@link parse} returns for these options (named, so declaration files can say it). */
export type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/** `parseArgs` in strict mode, with its errors turned into {@link UsageError}s (`--help` is the dispatcher's). */
export function parse<const T extends Options>(args: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A whole number within bounds, from a flag or an environment variable. */
export function wholeNumber(value: string, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

/** A PostgreSQL URL shown without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}
