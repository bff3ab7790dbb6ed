import type { KithCore } from '@kith/sdk';

const made = new WeakMap<(core: KithCore) => unknown, WeakMap<KithCore, unknown>>();

/**
 * A resource of the SDK (`customers`, `loyalty`, …) over a core, made once per core. Elements
 * import only the resources they call, so a page that shows a badge does not carry the code and
 * schemas of pipelines or webhooks.
 */
export function resourceOf<R>(core: KithCore, resource: (core: KithCore) => R): R {
  let byCore = made.get(resource);
  if (!byCore) made.set(resource, (byCore = new WeakMap()));
  if (!byCore.has(core)) byCore.set(core, resource(core));
  return byCore.get(core) as R;
}
