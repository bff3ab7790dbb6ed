import { resolve } from 'node:path';
import { restoreDataDir } from '../ops/restore.js';
import { EXIT, parse, UsageError, type Command } from './command.js';
import { DATA_DIR_OPTION, dataDirOnly } from './database.js';

const USAGE = `Usage: kith-server restore <file> [--data-dir DIR] [--force]

Restores a backup archive into a data folder. A folder that is not empty is refused
unless --force, which replaces the database in it (only a PGlite data folder is ever
emptied). The folder is locked meanwhile: a server running on it makes restore fail.

Options:
  --data-dir DIR   the folder (env KITH_DATA_DIR; default .kith-data/)
  --force          replace the database in a non-empty folder`;

const OPTIONS = { ...DATA_DIR_OPTION, force: { type: 'boolean' } } as const;

export const restoreCommand: Command = {
  name: 'restore',
  synopsis: 'restore <file>',
  summary: 'restore a backup into a data folder',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, OPTIONS);
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new UsageError('restore takes one file name.');
    if (io.env.DATABASE_URL && values['data-dir'] === undefined) {
      throw new UsageError('restore writes a PGlite data folder, but DATABASE_URL is set: pass --data-dir to restore into a folder.');
    }
    const dir = dataDirOnly(values['data-dir'], io);
    const started = performance.now();
    await restoreDataDir(file, dir, { force: values.force === true });
    io.err(`Restored ${resolve(file)} into ${resolve(dir)} in ${Math.round(performance.now() - started)} ms.`);
    return EXIT.ok;
  },
};
