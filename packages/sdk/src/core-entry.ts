// `@kith/sdk/core`: the client core without any resource or domain schema. Code that must stay
// small (the elements' shared runtime) imports from here: importing the package index would tie
// every resource, and the schemas they validate with, to that code in a bundler's chunk graph.
export { createCore } from './core.js';
export { checkOptions } from './options.js';
export { KithError, KITH_ERROR_CODES, isKithError } from './errors.js';
export type { KithErrorCode, KithErrorOptions } from './errors.js';
export type { TokenSource } from './credentials.js';
export type { CacheOptions, CacheStatus, CacheStatusEvent, CoreOptions, KithCore, OutboxOptions, SendSpec } from './core.js';
export type { Read, ReadOptions, ReadSource, ReadSpec, ReadState } from './reads/types.js';
export type { Outbox, OutboxEntry, OutboxError, OutboxEvent, OutboxState, ResubmitOptions, WriteResult, WriteSpec } from './outbox/types.js';
