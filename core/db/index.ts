export { DATABASE_FILE, openStore } from './open-store.ts';
export type { Store } from './open-store.ts';
export type { Database } from './schema.ts';
export { translateStoreError } from './driver-errors.ts';
export { latestSchemaVersion } from './migrations/index.ts';
