// Typed wrappers around the kith-server plugin's commands (test/support/kith-server-plugin.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

/** Where the real server listens, with the demo data it seeded. */
export interface KithServerInfo {
  url: string;
  publishableKey: string;
  sampleCustomerId: string;
}

/**
 * The real server of this run. With `isolated`, one of this test file's own (per browser),
 * which `stopServer`/`startServer` then act on without disturbing other files.
 */
export function serverInfo(options: { isolated?: boolean } = {}): Promise<KithServerInfo> {
  return executeServerCommand<KithServerInfo, { isolated?: boolean }>('kith-server-info', options);
}

export async function stopServer(): Promise<void> {
  await executeServerCommand<boolean, undefined>('kith-server-stop');
}

export async function startServer(): Promise<void> {
  await executeServerCommand<boolean, undefined>('kith-server-start');
}

/** A loopback URL where nothing listens: a real "server down". */
export async function closedUrl(): Promise<string> {
  return (await executeServerCommand<{ url: string }, undefined>('kith-closed-url')).url;
}

/** A well-formed UUID that no seeded record has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
