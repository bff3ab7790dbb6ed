import { DataDirLockedError } from '../db/lock.js';
import { OpsError } from '../ops/errors.js';
import { backupCommand } from './backup.js';
import { EXIT, UsageError, type Command, type Io } from './command.js';
import { keysCommand } from './keys.js';
import { migrateToPostgresCommand } from './migrate-to-postgres.js';
import { restoreCommand } from './restore.js';
import { startCommand } from './start.js';
import { tokensCommand } from './tokens.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [startCommand, keysCommand, tokensCommand, backupCommand, restoreCommand, migrateToPostgresCommand];

export const USAGE = `Usage: kith-server [command] [options]

Commands:
${COMMANDS.map((c) => `  ${c.synopsis.padEnd(27)} ${c.summary}`).join('\n')}

Without a command (or with options only) kith-server starts the API.
Run kith-server <command> --help for a command's options.`;

/**
 * Runs `kith-server` with these arguments: picks the command (the first argument when it
 * names one, else `start`), runs it and turns its outcome into an exit code — 0 done, 1
 * refused or failed, 2 wrong usage. `null` means the command keeps running (`start`).
 */
export async function main(args: string[], io: Io): Promise<number | null> {
  const [first, ...rest] = args;
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? topic.usage : USAGE);
    return EXIT.ok;
  }
  const named = first !== undefined && !first.startsWith('-');
  const command = named ? COMMANDS.find((c) => c.name === first) : startCommand;
  if (!command) {
    io.err(`Unknown command ${JSON.stringify(first)}.\n\n${USAGE}`);
    return EXIT.usage;
  }
  const commandArgs = named ? rest : args;
  // Every command's own `--help`, wherever it stands among the options.
  if (commandArgs.includes('--help') || commandArgs.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(commandArgs, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    if (error instanceof DataDirLockedError || error instanceof OpsError) {
      io.err(error.message);
      return EXIT.failed;
    }
    io.err(`kith-server ${command.name} failed: ${(error as Error).stack ?? String(error)}`);
    return EXIT.failed;
  }
}
