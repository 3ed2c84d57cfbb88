import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { RwLock } from './rw-lock.ts';

describe('RwLock', () => {
  it('lets readers share, keeps a writer alone, and serves them in arrival order', async () => {
    const lock = new RwLock();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name}+`);
      await sleep(ms);
      log.push(`${name}-`);
    };
    await Promise.all([lock.shared(task('r1', 20)), lock.shared(task('r2', 10)), lock.exclusive(task('w', 10)), lock.shared(task('r3', 5))]);
    expect(log).toEqual(['r1+', 'r2+', 'r2-', 'r1-', 'w+', 'w-', 'r3+', 'r3-']);
  });

  it('releases the lock when a task throws', async () => {
    const lock = new RwLock();
    await expect(lock.exclusive(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await lock.exclusive(async () => 'free again')).toBe('free again');
  });
});
