import { resolve } from 'node:path';
import { backupDataDir } from '../ops/backup.js';
import { EXIT, parse, UsageError, type Command } from './command.js';
import { DATA_DIR_OPTION, dataDirOnly } from './database.js';

const USAGE = `Usage: kith-server backup <file> [--data-dir DIR] [--force]

Archives a PGlite data folder into one file (gzipped tar). Stop the server first: the
folder is locked while a server runs on it, and a backup is refused then (a running
PGlite cannot be copied consistently from outside). On PostgreSQL use pg_dump instead.

Options:
  --data-dir DIR   the folder (env KITH_DATA_DIR; default .kith-data/)
  --force          overwrite <file> if it exists`;

const OPTIONS = { ...DATA_DIR_OPTION, force: { type: 'boolean' } } as const;

export const backupCommand: Command = {
  name: 'backup',
  synopsis: 'backup <file>',
  summary: 'archive a PGlite data folder (server stopped)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, OPTIONS);
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new UsageError('backup takes one file name.');
    if (io.env.DATABASE_URL && values['data-dir'] === undefined) {
      throw new UsageError('backup archives a PGlite data folder, but DATABASE_URL is set: use pg_dump for PostgreSQL, or pass --data-dir to back up a folder.');
    }
    const dir = dataDirOnly(values['data-dir'], io);
    const started = performance.now();
    const { bytes } = await backupDataDir(dir, file, { force: values.force === true });
    io.err(`Backed up ${resolve(dir)} to ${resolve(file)} (${(bytes / 1_048_576).toFixed(1)} MiB) in ${Math.round(performance.now() - started)} ms.`);
    return EXIT.ok;
  },
};
