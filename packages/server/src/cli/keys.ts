import { ApiKeyKind, Origin, type ApiKey } from '@kith/schema';
import { createKey, findKeys, listKeys, revokeKey } from '../keys/admin.js';
import { OpsError } from '../ops/errors.js';
import { EXIT, parse, UsageError, type Command } from './command.js';
import { chooseDatabase, DATA_DIR_OPTION, DATABASE_USAGE, openExisting } from './database.js';

const USAGE = `Usage:
  kith-server keys create --kind publishable|secret --name NAME [--origin URL]... [--json]
  kith-server keys list [--json]
  kith-server keys revoke <id|prefix>

create   makes a key and prints it ONCE on standard output (only its hash is stored).
         --origin: a page origin allowed to use a publishable key (repeatable).
list     every key: id, kind, name, prefix, origins, created, revoked — never a key.
revoke   stops a key at once; servers on PostgreSQL drop it within moments (NOTIFY).

Options:
${DATABASE_USAGE}
  --json           machine-readable output`;

const OPTIONS = {
  ...DATA_DIR_OPTION,
  kind: { type: 'string' },
  name: { type: 'string' },
  origin: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

export const keysCommand: Command = {
  name: 'keys',
  synopsis: 'keys create|list|revoke',
  summary: 'manage API keys (a new key is shown once)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, OPTIONS);
    const [action, ...rest] = positionals;
    const check = checkArguments(action, rest, values);
    const db = await openExisting(chooseDatabase(values['data-dir'], io));
    try {
      const now = new Date();
      switch (check.action) {
        case 'create': {
          const created = await db.transaction((tx) => createKey(tx, 'cli', check.input, now));
          if (values.json) io.out(JSON.stringify(created));
          else {
            io.err(`Created ${created.kind} key "${created.name}" (id ${created.id}, prefix ${created.prefix}). It is shown this once — store it now:`);
            io.out(created.key);
          }
          return EXIT.ok;
        }
        case 'list': {
          const keys = (await listKeys(db)).map((row) => row.key);
          io.out(values.json ? JSON.stringify(keys) : table(keys));
          return EXIT.ok;
        }
        case 'revoke': {
          const matches = await findKeys(db, check.target);
          if (matches.length === 0) throw new OpsError(`No API key has the id or prefix ${check.target} (see kith-server keys list).`);
          if (matches.length > 1) throw new OpsError(`${matches.length} keys have the prefix ${check.target}: revoke by id (${matches.map((k) => k.id).join(', ')}).`);
          const key = matches[0] as ApiKey;
          if (key.revokedAt) {
            io.err(`${key.prefix} ("${key.name}") was already revoked at ${key.revokedAt}.`);
            return EXIT.ok;
          }
          await db.transaction((tx) => revokeKey(tx, 'cli', key, now));
          io.err(`Revoked ${key.kind} key ${key.prefix} ("${key.name}"). Requests with it now get 401.`);
          const active = (await listKeys(db, { kind: 'secret', revoked: false })).length;
          if (key.kind === 'secret' && active === 0) io.err('No active secret key remains: create one with kith-server keys create --kind secret --name NAME.');
          return EXIT.ok;
        }
      }
    } finally {
      await db.close();
    }
  },
};

type Checked =
  | { action: 'create'; input: { kind: ApiKeyKind; name: string; origins: string[] } }
  | { action: 'list' }
  | { action: 'revoke'; target: string };

/** Every argument is checked before the database is opened. */
function checkArguments(action: string | undefined, rest: string[], values: { kind?: string; name?: string; origin?: string[]; json?: boolean }): Checked {
  const noExtra = () => {
    if (rest.length > 0) throw new UsageError(`Unexpected argument ${JSON.stringify(rest[0])}.`);
  };
  switch (action) {
    case 'create': {
      noExtra();
      const kind = ApiKeyKind.safeParse(values.kind);
      if (!kind.success) throw new UsageError('keys create needs --kind publishable or --kind secret.');
      const name = values.name?.trim();
      if (!name || name.length > 100) throw new UsageError('keys create needs --name NAME (1 to 100 characters): what the key is for.');
      const origins = values.origin ?? [];
      for (const origin of origins) {
        if (!Origin.safeParse(origin).success) throw new UsageError(`--origin ${JSON.stringify(origin)} is not an origin such as https://shop.example (scheme, host, port; no path).`);
      }
      if (kind.data === 'secret' && origins.length > 0) throw new UsageError('A secret key has no origins: it is never accepted from a browser.');
      return { action, input: { kind: kind.data, name, origins } };
    }
    case 'list':
      noExtra();
      if (values.kind !== undefined || values.name !== undefined || values.origin !== undefined) throw new UsageError('keys list takes no --kind, --name or --origin.');
      return { action };
    case 'revoke': {
      const [target, ...extra] = rest;
      if (!target || extra.length > 0) throw new UsageError('keys revoke takes one key id or prefix.');
      return { action, target };
    }
    default:
      throw new UsageError(action === undefined ? 'keys needs an action: create, list or revoke.' : `Unknown keys action ${JSON.stringify(action)}: create, list or revoke.`);
  }
}

function table(keys: ApiKey[]): string {
  if (keys.length === 0) return 'No API keys.';
  const rows = [
    ['ID', 'KIND', 'PREFIX', 'NAME', 'CREATED', 'REVOKED', 'ORIGINS'],
    ...keys.map((k) => [k.id, k.kind, k.prefix, k.name, k.createdAt.slice(0, 19), k.revokedAt?.slice(0, 19) ?? '-', k.origins.join(' ') || '-']),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}
