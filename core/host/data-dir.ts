import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the headless core keeps its data when not told: an explicit path wins, then
 * DIHYA_DATA_DIR, then the platform's usual per-user data folder. (Electron passes its userData.)
 */
export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return resolve(explicit);
  if (env.DIHYA_DATA_DIR) return resolve(env.DIHYA_DATA_DIR);
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Dihya');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Dihya');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'dihya');
}
