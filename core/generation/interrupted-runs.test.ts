import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { projectModel } from '../api/project-model.ts';
import { readAuditLog } from '../audit/index.ts';
import { planOutput, writeOutput } from '../codegen/index.ts';
import { gymModel, syntheticModel } from '../codegen/test-support/models.ts';
import { createCore, type Core } from '../host/index.ts';
import { BIN, REPO_ROOT } from '../test-support/run-bin.ts';
import { tempDir } from '../test-support/temp-core.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dir(prefix: string): string {
  const made = tempDir(prefix);
  cleanups.push(() => made.remove());
  return made.path;
}

async function openCore(dataDir: string): Promise<Core> {
  const core = await createCore({ dataDir, mode: 'test' });
  cleanups.push(() => core.dispose());
  return core;
}

function statusesIn(dataDir: string): string[] {
  const db = new BetterSqlite3(join(dataDir, 'dihya.sqlite'), { readonly: true });
  try {
    return db.prepare('select status from generations order by started_at').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** Resolves once `ready()` holds, or rejects when the child exits first. */
function waitFor(child: ChildProcess, ready: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const exited = () => reject(new Error(`dihya generate ended (code ${child.exitCode}) before ${what}`));
    child.once('exit', exited);
    const poll = () => {
      if (ready()) {
        child.off('exit', exited);
        resolve();
      } else if (child.exitCode === null) setTimeout(poll, 2);
    };
    poll();
  });
}

describe('generation runs a crash interrupted', () => {
  it('a real `dihya generate` killed while writing is listed as interrupted at the next start, and leaves no half-written folder', { timeout: 180_000 }, async () => {
    const work = dir('dihya-gen-kill-');
    const dataDir = join(work, 'data');
    const out = join(work, 'app');
    const spec = join(work, 'big.yaml');
    // 200 entities: about 1,400 files, each fsynced, so the write lasts long enough to be cut short.
    writeFileSync(spec, stringify(syntheticModel(200)));
    await (await createCore({ dataDir, mode: 'test' })).dispose();

    const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'generate', spec, '-o', out], { cwd: REPO_ROOT, stdio: 'ignore' });
    cleanups.push(() => void child.kill('SIGKILL'));
    const staging = () => readdirSync(work).some((name) => name.startsWith('.app.dihya-new-'));
    await waitFor(child, staging, 'it started writing');
    const killed = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await killed;
    expect(statusesIn(dataDir)).toEqual(['running']);
    expect(staging()).toBe(true);

    const core = await openCore(dataDir);
    const { items } = await core.dispatch('generation.list', {});
    expect(items).toEqual([expect.objectContaining({ status: 'interrupted', error: expect.objectContaining({ code: 'INTERRUPTED' }), finishedAt: expect.any(String), rootHash: null })]);
    // Before the run there was no folder; after the crash there is none either, and no debris beside it.
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).sort()).toEqual(['big.yaml', 'data']);
    const audit = (await readAuditLog(core.store.db)).filter((e) => e.action === 'generation.interrupted');
    expect(audit).toEqual([expect.objectContaining({ actor: 'system', subject: items[0]?.id, details: { projectId: items[0]?.projectId, stack: 'web-fullstack', code: 'INTERRUPTED' } })]);
  });

  it('marks runs whose process is gone, leaves a live process its run, and puts an update cut short back as it was', async () => {
    const dataDir = dir('dihya-gen-stale-');
    const outputs = dir('dihya-gen-stale-out-');
    const first = await openCore(dataDir);
    const project = await first.dispatch('projects.create', { name: 'Gym' });
    const outputDir = join(outputs, 'gym');
    const done = await first.dispatch('generation.run', { projectId: project.id, model: gymModel, outputDir });
    // An update of that folder crashes half-way through its renames…
    const changed = (await first.services.generation.render({ model: projectModel.parse({ ...gymModel, name: 'Renamed Gym' }), stack: 'web-fullstack', options: {} })).tree;
    await expect(writeOutput(outputDir, changed, await planOutput(outputDir, changed), { crashAfterOps: 3 })).rejects.toThrow(/simulated crash/);
    expect((await first.dispatch('generation.verify', { dir: outputDir })).ok).toBe(false);

    const dead = spawnSync('true').pid as number;
    const live = spawn('sleep', ['60'], { stdio: 'ignore' });
    cleanups.push(() => void live.kill('SIGKILL'));
    const insert = first.store.sqlite.prepare("insert into generations (id, project_id, status, started_at, stack, output_dir, pid) values (?, ?, 'running', ?, 'web-fullstack', ?, ?)");
    const ids = { crashedUpdate: '00000000-0000-4000-8000-00000000000a', live: '00000000-0000-4000-8000-00000000000b', legacy: '00000000-0000-4000-8000-00000000000c' };
    insert.run(ids.crashedUpdate, project.id, '2026-01-01T00:00:01.000Z', outputDir, dead);
    insert.run(ids.live, project.id, '2026-01-01T00:00:02.000Z', join(outputs, 'other'), live.pid);
    insert.run(ids.legacy, project.id, '2026-01-01T00:00:03.000Z', null, null);
    await first.dispose();

    const next = await openCore(dataDir);
    const status = Object.fromEntries((await next.dispatch('generation.list', {})).items.map((g) => [g.id, g.status]));
    expect(status).toEqual({ [done.id]: 'succeeded', [ids.crashedUpdate]: 'interrupted', [ids.live]: 'running', [ids.legacy]: 'interrupted' });
    // The folder is the first generation's again, whole, with no journal left beside it.
    expect(await next.dispatch('generation.verify', { dir: outputDir })).toMatchObject({ ok: true, rootHash: done.rootHash });
    expect(readdirSync(outputs)).toEqual(['gym']);
  });
});
