// Public API of @kith/server.
export { createApp, type AppOptions } from './app.js';
export { startServer, type StartOptions, type RunningServer } from './start.js';
export type { Database, DatabaseKind, Queryable, QueryResult, SqlValue } from './db/database.js';
export { openDatabase, DEFAULT_DATA_DIR, type OpenOptions } from './db/open.js';
export { openPglite } from './db/pglite.js';
export { openPostgres } from './db/postgres.js';
export { migrate, readMigrations, MIGRATIONS_DIR, type Migration } from './db/migrate.js';
export { lockDataDir, DataDirLockedError, LOCK_FILE } from './db/lock.js';
export { ensureDemo, readDemo, type DemoInfo } from './seed/demo.js';
export { createApiKey, revokeApiKey, hashKey, type KeyKind } from './keys/api-keys.js';
export { rfmSegment, churnRisk, customerValues } from './analytics/value.js';
export type { AppEnv, Credential } from './http/env.js';
export { VERSION } from './version.js';
