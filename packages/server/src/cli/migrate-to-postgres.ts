import { resolve } from 'node:path';
import { openDatabase } from '../db/open.js';
import { openPostgres } from '../db/postgres.js';
import { isPgliteFolder } from '../ops/data-dir.js';
import { OpsError } from '../ops/errors.js';
import { migrateToPostgres } from '../ops/migrate-to-postgres.js';
import { EXIT, parse, redactUrl, UsageError, type Command } from './command.js';
import { DATA_DIR_OPTION, dataDirOnly } from './database.js';

const USAGE = `Usage: kith-server migrate-to-postgres <postgres-url> [--data-dir DIR]

Copies an embedded (PGlite) database into an EMPTY PostgreSQL database: runs the
migrations there, copies every table's rows with their ids, carries sequences over,
and checks every table's row count and checksum — in one transaction, so a failure
leaves the target empty. A target that is not empty is refused. Stop the server first
(the folder is locked while it runs); then start it with DATABASE_URL=<postgres-url>.

Options:
  --data-dir DIR   the source folder (env KITH_DATA_DIR; default .kith-data/)`;

export const migrateToPostgresCommand: Command = {
  name: 'migrate-to-postgres',
  synopsis: 'migrate-to-postgres <url>',
  summary: 'copy a PGlite folder into an empty PostgreSQL database',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, DATA_DIR_OPTION);
    const [url, ...rest] = positionals;
    if (!url || rest.length > 0) throw new UsageError('migrate-to-postgres takes one PostgreSQL URL.');
    if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError('The target must be a postgres:// or postgresql:// URL.');
    const dir = dataDirOnly(values['data-dir'], io);
    if (!isPgliteFolder(resolve(dir))) throw new OpsError(`There is no PGlite database in ${resolve(dir)} (check --data-dir / KITH_DATA_DIR).`);

    const started = performance.now();
    const source = await openDatabase({ dataDir: dir });
    try {
      let target;
      try {
        target = await openPostgres(url);
      } catch (error) {
        throw new OpsError(`Cannot connect to ${redactUrl(url)}: ${(error as Error).message}`);
      }
      try {
        io.err(`Copying ${resolve(dir)} into ${redactUrl(url)} …`);
        const report = await migrateToPostgres(source, target, (line) => io.err(line));
        const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
        io.err(
          `Copied ${rows} rows in ${report.tables.length} tables and ${report.sequences.length} sequence(s); ` +
            `row counts and checksums match (${Math.round(performance.now() - started)} ms). ` +
            'Start the server with DATABASE_URL set to this database; keep the folder as a backup.',
        );
        return EXIT.ok;
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  },
};
