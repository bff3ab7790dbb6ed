import { MAX_TOKEN_SECONDS } from '@kith/schema';
import { retireSigningSecrets, rotateSigningSecret } from '../ops/signing-secrets.js';
import { EXIT, parse, UsageError, type Command } from './command.js';
import { chooseDatabase, DATA_DIR_OPTION, DATABASE_USAGE, openExisting } from './database.js';

const MINUTES = MAX_TOKEN_SECONDS / 60;

const USAGE = `Usage:
  kith-server tokens rotate
  kith-server tokens retire [--force]

rotate   new tokens are signed with a new secret from now on. Tokens signed before stay
         valid until they expire (at most ${MINUTES} minutes): nobody is signed out. Running
         servers on PostgreSQL switch at once.
retire   after those ${MINUTES} minutes, retire the previous secrets: tokens they signed stop
         working. Refused sooner unless --force (e.g. a leaked secret: cut them off now).

Options:
${DATABASE_USAGE}
  --force          retire now, even if tokens signed by an old secret may still be valid`;

const OPTIONS = { ...DATA_DIR_OPTION, force: { type: 'boolean' } } as const;

export const tokensCommand: Command = {
  name: 'tokens',
  synopsis: 'tokens rotate|retire',
  summary: 'rotate the secret that signs tokens',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, OPTIONS);
    const [action, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`Unexpected argument ${JSON.stringify(rest[0])}.`);
    if (action !== 'rotate' && action !== 'retire') {
      throw new UsageError(action === undefined ? 'tokens needs an action: rotate or retire.' : `Unknown tokens action ${JSON.stringify(action)}: rotate or retire.`);
    }
    if (action === 'rotate' && values.force) throw new UsageError('--force is for tokens retire.');
    const db = await openExisting(chooseDatabase(values['data-dir'], io));
    try {
      if (action === 'rotate') {
        const { kid, stillValid } = await rotateSigningSecret(db);
        io.out(kid);
        io.err(
          `New tokens are signed with secret ${kid}. Tokens signed before stay valid until they expire ` +
            `(at most ${MINUTES} minutes)${stillValid.length ? `: ${stillValid.join(', ')} still verif${stillValid.length > 1 ? 'y' : 'ies'} them` : ''}. ` +
            `Run kith-server tokens retire after ${MINUTES} minutes.`,
        );
        return EXIT.ok;
      }
      const retired = await retireSigningSecrets(db, { force: values.force === true });
      io.err(retired.length ? `Retired ${retired.join(', ')}: tokens they signed are refused from now on.` : 'Nothing to retire: only the current secret is in use.');
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};
