import { ContextRoot, createContext } from '@lit/context';
import type { KithCore } from '@kith/sdk';

/**
 * The client shared by `<kith-provider>`. The key is a global symbol so that two copies of
 * the package on one page still find each other's provider.
 */
export const clientContext = createContext<KithCore | undefined>(Symbol.for('kith-client'));

const ROOT = Symbol.for('kith-context-root');

/**
 * Attaches one ContextRoot to the document (once per page, across copies), so an element
 * that upgrades before its `<kith-provider>` still receives the client when the provider
 * upgrades (the drop-in loads element chunks in any order).
 */
export function attachContextRoot(): void {
  const registry = globalThis as unknown as Record<symbol, ContextRoot | undefined>;
  if (registry[ROOT] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  registry[ROOT] = root;
}
