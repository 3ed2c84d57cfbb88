import { readFileSync } from 'node:fs';

/** Read once from package.json so the CLI, the API and the lock files agree on one version. */
export const DIHYA_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
