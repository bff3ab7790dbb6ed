// The cache storage's public names (the read layer and the client import from here).
export { DEFAULT_MAX_ENTRIES, type CacheEntry, type CacheStorage } from './storage.js';
export { memoryStorage, type MemoryStorage } from './memory.js';
export { createCacheStore, type CacheEvent, type CacheStore, type CacheStoreOptions, type DegradedReason, type PersistMode } from './store.js';
