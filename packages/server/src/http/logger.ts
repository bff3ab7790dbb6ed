import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { CredentialKind } from '../auth/credential.js';
import { keyPrefix } from '../keys/api-keys.js';
import type { AppEnv } from './env.js';

/** How log lines are written: one JSON object per line (for collectors) or text (for people). */
export type LogFormat = 'json' | 'text';
export type LogLevel = 'info' | 'warn' | 'error';

/** A log sink: the server writes one line at a time to it. */
export type Log = (line: string) => void;

/** One request, as logged. Deliberately without headers, query string or body. */
export interface RequestRecord {
  time: string;
  level: LogLevel;
  msg: 'request';
  method: string;
  /** The path only: a query string may carry personal data. */
  path: string;
  status: number;
  ms: number;
  requestId: string;
  /** Who the request spoke for; absent when authentication failed. */
  credential?: CredentialKind;
  /** The API key behind the credential (a token's bound publishable key). */
  keyId?: string;
  /** The key's visible prefix (`sk_live_3f9a`), for requests made with a key itself. */
  keyPrefix?: string;
}

/** JSON sinks and their structured writer, so a record is serialised once, not wrapped as text. */
const structured = new WeakMap<Log, (record: object) => void>();

/**
 * A sink writing JSON lines to `write`. Plain lines (start-up, errors, background work)
 * become `{ time, level, msg }`: a line starting with `error` is an error, with `warn` a
 * warning. Request records keep their fields.
 */
export function jsonLog(write: (line: string) => void): Log {
  const emit = (record: object) => write(JSON.stringify(record));
  const sink: Log = (line) => emit({ time: new Date().toISOString(), level: levelOf(line), msg: line });
  structured.set(sink, emit);
  return sink;
}

function levelOf(line: string): LogLevel {
  return /^error\b/i.test(line) ? 'error' : /^warn/i.test(line) ? 'warn' : 'info';
}

/** `GET /v1/health 200 1.2ms id=… secret sk_live_3f9a` — the text form of a record. */
export function textOf(record: RequestRecord): string {
  const who = record.credential ? ` ${record.credential}${record.keyPrefix ? ` ${record.keyPrefix}` : ''}` : '';
  return `${record.method} ${record.path} ${record.status} ${record.ms}ms id=${record.requestId}${who}`;
}

/**
 * An incoming `X-Request-Id` is kept when it is a plain id (a proxy's or the caller's, to
 * follow one request through several logs). Anything else — too long, odd characters, or
 * shaped like a key or a token — is replaced, so a client cannot smuggle a secret or a
 * forged line into the log.
 */
export function acceptRequestId(value: string | undefined): string | null {
  if (value === undefined || !/^[A-Za-z0-9._:-]{1,128}$/.test(value)) return null;
  if (/^(pk|sk)_/i.test(value) || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(value)) return null;
  return value;
}

const BEARER = /^Bearer\s+((?:pk|sk)_\S+)\s*$/i;

/**
 * One line per request — method, path, status, milliseconds, request id, the credential's
 * kind and key — as JSON when the app's log sink is a {@link jsonLog}, else as text. Never
 * headers, a query string or a body, so keys and tokens never reach a log. The request id
 * is echoed in `X-Request-Id`.
 */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = acceptRequestId(c.req.header('X-Request-Id')) ?? randomUUID();
    c.header('X-Request-Id', requestId);
    await next();
    // A streamed or prebuilt Response does not take the context's headers.
    if (!c.res.headers.has('X-Request-Id')) {
      try {
        c.res.headers.set('X-Request-Id', requestId);
      } catch {
        // Immutable headers (a fetched Response): the id stays in the log.
      }
    }
    const status = c.res.status;
    const record: RequestRecord = {
      time: new Date().toISOString(),
      level: status >= 500 ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId,
    };
    const credential = c.get('credential') as AppEnv['Variables']['credential'] | undefined;
    if (credential && credential.kind !== 'none') {
      record.credential = credential.kind;
      record.keyId = credential.keyId;
      if (credential.kind === 'publishable' || credential.kind === 'secret') {
        // Authentication accepted this very key, so its prefix is the stored, visible one.
        const key = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
        if (key) record.keyPrefix = keyPrefix(key);
      }
    }
    const log = c.get('log');
    const emit = structured.get(log);
    if (emit) emit(record);
    else log(textOf(record));
  };
}
