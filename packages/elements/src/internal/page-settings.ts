// Page-wide settings every Kith element falls back to (after its `.client` and its provider, before
// its own attributes): from a `<script type="application/json" id="kith-settings">` data block
// (allowed under a strict CSP: it is data, never run) or from a module calling `Kith.configure()`.
// One store per page, shared by every copy of the package through a global symbol.
import type { CoreOptions, KithCore, TokenSource } from '@kith/sdk';

export type Theme = 'light' | 'dark' | 'auto';

/** What a page may set. Unknown fields and wrong types are ignored with a console warning. */
export interface PageSettings {
  /** Base URL of the Kith API. */
  baseUrl?: string | undefined;
  /** The publishable key (`pk_…`). */
  key?: string | undefined;
  /** BCP 47 locale for every element without its own `locale`. */
  locale?: string | undefined;
  /** `light`, `dark` or `auto` (follows the system) for every element without its own `theme`. */
  theme?: Theme | undefined;
}

/** Makes a client: `createCore` (elements add the resources they call), handed over by the first element that loads (see `client-from-attributes.ts`),
 * so the runtime API in the drop-in's `kith.js` does not carry the SDK. */
type ClientFactory = (options: CoreOptions) => KithCore;

interface Store {
  factory: ClientFactory | undefined;
  /** From the `#kith-settings` data block (re-read when the block element changes). */
  block: PageSettings;
  blockElement: Element | null;
  /** From `Kith.configure`: wins over the block. */
  settings: PageSettings;
  token: TokenSource | undefined;
  client: { key: string; client: KithCore } | undefined;
  /** Every client an element or provider made (from attributes or these settings): `reset` clears them. */
  made: Set<KithCore>;
  listeners: Set<() => void>;
  /** The merged settings, kept until the next change or the end of the current task (see `pageSettings`). */
  merged: Readonly<PageSettings> | undefined;
}

const STORE = Symbol.for('kith-page-settings');
const FIELDS: Record<keyof PageSettings, (value: unknown) => boolean> = {
  baseUrl: (value) => typeof value === 'string',
  key: (value) => typeof value === 'string',
  locale: (value) => typeof value === 'string',
  theme: (value) => value === 'light' || value === 'dark' || value === 'auto',
};

function store(): Store {
  const registry = globalThis as unknown as Record<symbol, Store | undefined>;
  return (registry[STORE] ??= { factory: undefined, settings: {}, token: undefined, client: undefined, made: new Set(), listeners: new Set(), block: {}, blockElement: null, merged: undefined });
}

/** Keeps the known, well-typed fields of `input`; says once what it dropped. */
export function cleanSettings(input: unknown, where: string): PageSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    console.warn(`[kith] ${where}: settings must be an object; ignored`);
    return {};
  }
  const clean: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    const valid = Object.hasOwn(FIELDS, name) ? FIELDS[name as keyof PageSettings] : undefined;
    if (value === undefined) continue;
    if (valid?.(value)) clean[name] = value;
    else dropped.push(name);
  }
  if (dropped.length) console.warn(`[kith] ${where}: ignored ${dropped.map((name) => JSON.stringify(name)).join(', ')} (unknown or of the wrong type)`);
  return clean as PageSettings;
}

/** Reads the page's data block when it is new (normally once: it is in the HTML before any script). */
function readBlock(state: Store): void {
  if (typeof document === 'undefined') return;
  const block = document.getElementById('kith-settings');
  if (block === state.blockElement) return;
  state.blockElement = block;
  state.block = {};
  if (!(block instanceof HTMLScriptElement) || block.type !== 'application/json') return;
  try {
    state.block = cleanSettings(JSON.parse(block.textContent ?? ''), '#kith-settings');
  } catch (error) {
    console.warn('[kith] #kith-settings is not valid JSON; ignored', error);
  }
}

/** The page settings now (the data block read on first use, then what `Kith.configure` set). */
export function pageSettings(): Readonly<PageSettings> {
  const state = store();
  if (state.merged) return state.merged;
  // Every element asks on every update (theme, locale, client): one look-up serves a whole render
  // pass, and the data block is looked for again afterwards (a single-page app may add it later).
  readBlock(state);
  state.merged = { ...state.block, ...state.settings };
  queueMicrotask(() => (state.merged = undefined));
  return state.merged;
}

function changed(): void {
  store().merged = undefined;
  for (const listener of [...store().listeners]) listener();
}

/** Merges settings (an `undefined` value removes that setting) and re-renders every element. */
export function configure(partial: PageSettings): void {
  const state = store();
  const clean = cleanSettings(partial, 'Kith.configure');
  // A field given as `undefined` is removed; the others are kept or replaced.
  const removed = new Set(Object.entries(partial).flatMap(([name, value]) => (value === undefined ? [name] : [])));
  state.settings = Object.fromEntries(Object.entries({ ...state.settings, ...clean }).filter(([name]) => !removed.has(name))) as PageSettings;
  changed();
}

/** The page's token function (never stored anywhere but in memory, never an attribute). */
export function setToken(token: TokenSource | undefined): void {
  if (token !== undefined && typeof token !== 'function') throw new TypeError('Kith.setToken: give a function that returns a token (or null)');
  store().token = token;
  changed();
}

/** The client made from the page settings (`baseUrl` + `key` + the token function), or none. */
export function pageClient(): KithCore | undefined {
  const state = store();
  const { baseUrl, key } = pageSettings();
  if (!baseUrl || !key || !state.factory) return undefined;
  const identity = `${baseUrl} ${key}`;
  if (state.client?.key !== identity || tokenOf(state.client.client) !== state.token) {
    try {
      const client = state.factory(state.token ? { baseUrl, key, token: state.token } : { baseUrl, key });
      tokens.set(client, state.token);
      registerClient(client);
      state.client?.client.close();
      state.client = { key: identity, client };
    } catch (error) {
      console.warn(`[kith] page settings: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
  return state.client.client;
}

const tokens = new WeakMap<KithCore, TokenSource | undefined>();
const tokenOf = (client: KithCore) => tokens.get(client);

/** Hands the page settings the SDK's `createCore` (every element module calls it as it loads). */
export function useClientFactory(factory: ClientFactory): void {
  store().factory ??= factory;
}

/** Notes a client Kith made for the page, so `Kith.reset()` clears it. */
export function registerClient(client: KithCore): void {
  store().made.add(client);
}

/**
 * Where `<kith-feedback kind="complaint">` keeps the complaint a signed-in shopper sent, to follow
 * it on later pages. It is that person's: `Kith.reset()` removes it on any page, whether or not a
 * complaint form was on it, so the next person on this browser never sees it.
 */
export const SENT_COMPLAINT_KEY = 'kith:complaint-sent';

/** Logout: clears the cached data of every client Kith made (unsent writes stay for their author)
 * and the shopper's sent complaint; elements read again under the new credential. A `.client`
 * the page made is the page's to clear. */
export async function resetPage(): Promise<void> {
  for (const key of [SENT_COMPLAINT_KEY]) {
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage refused (a sandboxed frame, a privacy mode): there is nothing kept to remove.
    }
  }
  await Promise.all([...store().made].map((client) => client.clear()));
  changed();
}

/** Calls `listener` after every change of the settings or the token; returns the unsubscribe. */
export function onSettingsChange(listener: () => void): () => void {
  const { listeners } = store();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
