import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./fault-child.ts', import.meta.url));
// Fifty children load the same modules: Node's compile cache (TypeScript included) halves their start-up.
const COMPILE_CACHE = join(tmpdir(), 'dihya-fault-child-compile-cache');

/**
 * Runs one operation in a child process and SIGKILLs it `delayMs` after it announced the start
 * (or lets it finish when `delayMs` is Infinity). Resolves with how far it got.
 */
export function runAndKill(op: 'backup' | 'prune' | 'restore', dataDir: string, arg: string | undefined, delayMs: number): Promise<{ finished: boolean; elapsedMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, op, dataDir, ...(arg === undefined ? [] : [arg])], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_COMPILE_CACHE: COMPILE_CACHE } });
    let out = '';
    let err = '';
    let startedAt = 0;
    let finished = false;
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the ${op} child did not get ready or finish in time: ${err}`));
    }, 60_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (startedAt === 0 && out.includes('ready\n')) {
        startedAt = performance.now();
        if (Number.isFinite(delayMs)) setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
      if (out.includes('done\n') && !finished) {
        finished = true;
        if (!Number.isFinite(delayMs)) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timeout);
      if (signal !== 'SIGKILL') reject(new Error(`the ${op} child exited by itself (${code}): ${err}`));
      else resolve({ finished, elapsedMs: performance.now() - startedAt });
    });
  });
}
