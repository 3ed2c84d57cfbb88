import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tempDir } from './temp-core.ts';

/**
 * A small tmpfs is the honest way to get a full or read-only file system in a test: root cannot be
 * refused by permissions. This machine and CI run as root with mount; elsewhere such tests say why
 * they did not run (describe.runIf(canMountTmpfs())).
 */
export function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('dihya-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe.path], { stdio: 'ignore' });
    execFileSync('umount', [probe.path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    probe.remove();
  }
}

/** Mounts a tmpfs of `size` (e.g. `16m`) at `dir`, creating it; returns the unmount. */
export function mountTmpfs(dir: string, size: string): () => void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return () => void execFileSync('umount', [dir]);
}
