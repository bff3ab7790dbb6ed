// The stories every element has in the same shape: loading, saved data offline or stale, the
// error of an unreachable server, not configured. Each builder gives a story its status
// (`parameters.kith.status`, checked by scripts/storybook-check.mjs) and its loader; the story
// file keeps its own export name, `name` and doc comment, which Storybook reads from the source:
//
//   const states = stateStories({ answers: [responses.customer], prime: (client) => client.customers.get(id) });
//   /** The server has not answered yet… */
//   export const Loading: Story = states.loading();
//   /** Saved data while the server cannot be reached… */
//   export const OfflineWithSavedData: Story = { name: 'Offline, saved data', ...states.offline() };
import type { KithClient } from '@kith/sdk';
import type { Recorded } from './recorded.js';
import { withReplay, withSavedData } from './replay.js';

/** The state an element of the story must reach (`status` of the Kith element). */
export type Status = 'idle' | 'loading' | 'ready' | 'empty' | 'offline' | 'stale' | 'error' | 'not_found' | 'not_authorized';

/** What a builder sets on a story: the status to reach and the loader giving the element its client. */
export interface StateStory {
  parameters: { kith: { status: Status | FormPhase } };
  loaders: Array<() => { client: KithClient } | Promise<{ client: KithClient }>>;
}

/** What an element saved before the stories' saved-data states. */
export interface SavedData {
  /** The answers the element's first read got. */
  readonly answers: readonly Recorded[];
  /** Reads what the element reads, so that the client holds it (the element's saved copy). */
  readonly prime: (client: KithClient) => Promise<unknown>;
}

/** What a form (`<kith-feedback>`, which loads nothing) reaches instead: its `phase`. */
export type FormPhase = 'form' | 'queued' | 'sent';

/** The status `parameters` of a story, for the stories no builder covers (a form's phase for a form). */
export const reaches = (status: Status | FormPhase): StateStory['parameters'] => ({ kith: { status } });

export function stateStories(saved: SavedData) {
  const savedThen = (status: Status, then: Parameters<typeof withSavedData>[2]): StateStory => ({
    parameters: reaches(status),
    loaders: [withSavedData(saved.answers, saved.prime, then)],
  });
  return {
    /** The server never answers: the element stays loading. */
    loading: (): StateStory => ({ parameters: reaches('loading'), loaders: [withReplay([], 'hang')] }),
    /** Saved data, then every request fails as a browser does offline. */
    offline: (): StateStory => savedThen('offline', 'offline'),
    /** Saved data, then the server answers with `then` (a refusal that is not the network's, e.g. 429). */
    stale: (then: readonly Recorded[]): StateStory => savedThen('stale', then),
    /** Nothing saved and the server cannot be reached. */
    errorOffline: (): StateStory => ({ parameters: reaches('error'), loaders: [withReplay([], 'offline')] }),
    /** No client at all: no `.client`, no provider, no page settings, no `base-url` and `key`. */
    notConfigured: (): StateStory => ({ parameters: reaches('idle'), loaders: [] }),
  };
}
