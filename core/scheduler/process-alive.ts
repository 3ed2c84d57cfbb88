/**
 * Whether a process id is alive on this machine. Used to tell a run or a temp file that another
 * live Dihya process owns (leave it) from one a crash left behind (sweep it). EPERM means the
 * process exists but belongs to someone else: alive.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
