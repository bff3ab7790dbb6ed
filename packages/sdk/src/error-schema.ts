// Loaded on demand by responses.ts (its own chunk): only a failed request needs it.
export { ErrorEnvelope } from '@kith/schema';
