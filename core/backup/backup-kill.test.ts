import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../host/index.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { runAndKill } from './test-support/kill-points.ts';
import { checkArchive } from './archive-reader.ts';

/**
 * kill -9 at random points of a backup, a prune and an in-place restore (50 points in all), each in
 * a real child process on a copy of the same small data directory. After each kill the next start
 * must find: an intact database, only complete backups listed, no temp file left, and — for a
 * restore — exactly the old state or exactly the new one, database and files together.
 */
let root: { path: string; remove(): void };
let pristine: string;
let stateA: string;
const pristineBackups = new Set<string>();

beforeAll(async () => {
  root = tempDir('dihya-kill-');
  pristine = join(root.path, 'pristine');
  const core = await createCore({ dataDir: pristine, mode: 'test' });
  await core.dispatch('projects.create', { name: 'Alpha' });
  mkdirSync(join(pristine, 'outputs', 'alpha'), { recursive: true });
  writeFileSync(join(pristine, 'outputs', 'alpha', 'state.txt'), 'A');
  stateA = (await core.dispatch('backup.create', {})).backup.file;
  await core.dispatch('projects.create', { name: 'Beta' });
  writeFileSync(join(pristine, 'outputs', 'alpha', 'state.txt'), 'B');
  mkdirSync(join(pristine, 'templates'), { recursive: true });
  writeFileSync(join(pristine, 'templates', 'shop.yaml'), 'name: shop\n');
  for (let i = 0; i < 2; i += 1) await core.dispatch('backup.create', {});
  for (const b of (await core.dispatch('backup.list', {})).items) pristineBackups.add(b.fileName);
  await core.dispose();
}, 60_000);
afterAll(() => root?.remove());

let copies = 0;
function freshCopy(): string {
  const dir = join(root.path, `run-${copies++}`);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

/** What the next start finds, checked the way the issue asks. */
async function afterRestart(dataDir: string, label: string): Promise<{ names: string[]; state: string; listed: string[] }> {
  const core = await createCore({ dataDir, mode: 'test' });
  try {
    expect(core.store.sqlite.pragma('integrity_check', { simple: true }), `${label}: database integrity`).toBe('ok');
    const names = (await core.dispatch('projects.list', {})).items.map((p) => p.name).sort();
    const listed = (await core.dispatch('backup.list', {})).items;
    for (const backup of listed) {
      // Every listed backup is complete: every byte against its digest, every member against the manifest.
      if (!pristineBackups.has(backup.fileName)) await expect(checkArchive(backup.file, backup.file), `${label}: ${backup.fileName}`).resolves.toMatchObject({ projects: 2 });
    }
    const leftovers = [...readdirSync(join(dataDir, '.dihya-work')), ...readdirSync(join(dataDir, 'backups'))].filter((n) => n.startsWith('.dihya-tmp-') || n === 'restore-journal.json');
    expect(leftovers, `${label}: temp files swept`).toEqual([]);
    const stateFile = join(dataDir, 'outputs', 'alpha', 'state.txt');
    return { names, state: existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : 'missing', listed: listed.map((b) => b.fileName) };
  } finally {
    await core.dispose();
  }
}

/** Runs `work` over `items`, four at a time (children spend most of their life starting up). */
async function fourAtATime<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        results.push(await work(item));
      }
    }),
  );
  return results;
}

async function killAtRandomPoints(op: 'backup' | 'prune' | 'restore', points: number, arg?: string) {
  const calibration = await runAndKill(op, freshCopy(), arg, Number.POSITIVE_INFINITY);
  expect(calibration.finished).toBe(true);
  const plans = Array.from({ length: points }, () => ({ dataDir: freshCopy(), delayMs: Math.random() * calibration.elapsedMs * 1.1 }));
  const outcomes = await fourAtATime(plans, async (plan) => ({ ...plan, finished: (await runAndKill(op, plan.dataDir, arg, plan.delayMs)).finished }));
  // Most points must land inside the operation, or the test proves little.
  expect(outcomes.filter((o) => !o.finished).length, `${op}: kills before the end`).toBeGreaterThanOrEqual(Math.ceil(points / 2));
  return outcomes;
}

describe('kill -9 at random points', () => {
  it('during a backup (20 points): the database intact, no partial backup listed, temp files swept', async () => {
    await fourAtATime(await killAtRandomPoints('backup', 20), async ({ delayMs, finished, dataDir }) => {
      const label = `backup killed after ${delayMs.toFixed(0)} ms`;
      const after = await afterRestart(dataDir, label);
      expect(after.names, label).toEqual(['Alpha', 'Beta']);
      const added = after.listed.filter((n) => !pristineBackups.has(n));
      expect(added.length, label).toBeLessThanOrEqual(1);
      if (finished) expect(added.length, label).toBe(1);
    });
  }, 300_000);

  it('during retention (10 points): whatever was deleted, the newest verified backup is there and every listed one is whole', async () => {
    const newest = [...pristineBackups].sort().at(-1) as string;
    await fourAtATime(await killAtRandomPoints('prune', 10), async ({ delayMs, finished, dataDir }) => {
      const label = `prune killed after ${delayMs.toFixed(0)} ms`;
      const after = await afterRestart(dataDir, label);
      expect(after.listed, label).toContain(newest);
      if (finished) expect(after.listed, label).toEqual([newest]);
      for (const name of after.listed) expect(readFileSync(join(dataDir, 'backups', name)).subarray(0, 2).toString('latin1'), label).toBe('PK');
    });
  }, 300_000);

  it('during an in-place restore (20 points): exactly the old state or exactly the new one, never a mix', async () => {
    await fourAtATime(await killAtRandomPoints('restore', 20, stateA), async ({ delayMs, finished, dataDir }) => {
      const label = `restore killed after ${delayMs.toFixed(0)} ms`;
      const after = await afterRestart(dataDir, label);
      const state = `${after.names.join('+')}/${after.state}`;
      expect(['Alpha+Beta/B', 'Alpha/A'], `${label}: ${state}`).toContain(state);
      if (finished) expect(state, label).toBe('Alpha/A');
      // The templates folder did not exist in the restored backup: it goes with the rest of the old state.
      expect(existsSync(join(dataDir, 'templates')), label).toBe(state === 'Alpha+Beta/B');
    });
  }, 300_000);
});
