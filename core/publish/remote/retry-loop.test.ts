import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startRetryLoop } from './retry-loop.ts';

/** Waits for a condition (a loaded CI machine may be slow to fire timers), failing after 5 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error('condition not met within 5 s');
    await sleep(10);
  }
}

describe('the remote-pin retry loop', () => {
  it('retries only when something is due, one run at a time, and stops for good when disposed', async () => {
    let due = false;
    let runs = 0;
    let overlapping = false;
    let running = false;
    const loop = startRetryLoop({
      intervalMs: 10,
      hasDue: async () => due,
      retry: async () => {
        overlapping ||= running;
        running = true;
        runs += 1;
        await sleep(30);
        running = false;
      },
    });
    await sleep(60);
    expect(runs).toBe(0);
    due = true;
    await until(() => runs >= 2);
    expect(overlapping).toBe(false);
    await loop.dispose();
    expect(running).toBe(false);
    const after = runs;
    await sleep(60);
    expect(runs).toBe(after);
  });

  it('keeps going after a failed run', async () => {
    let runs = 0;
    const errors: unknown[] = [];
    const loop = startRetryLoop({ intervalMs: 10, hasDue: async () => true, retry: async () => { runs += 1; throw new Error('remote down'); }, onError: (e) => errors.push(e) });
    await until(() => runs >= 2);
    await loop.dispose();
    expect(errors.length).toBe(runs);
  });
});
