/**
 * A refusal or failure an operator can act on (a non-empty folder, a target that is not
 * empty, a retirement too soon): the command line prints its message, without a stack.
 */
export class OpsError extends Error {
  override name = 'OpsError';
}
