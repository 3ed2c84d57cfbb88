import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../common/index.ts';
import { createCore, type Core } from '../host/index.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { WORK_DIR, tempName } from './backup-files.ts';
import { DATABASE_MEMBER } from './manifest.ts';
import { stageRestore } from './restore-backup.ts';
import { applyJournal, commitJournal, journalPath, stagingPaths, writeRestoreMarker, type RestoreJournal } from './restore-journal.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** State A backed up, then state B live; returns the backup of A and a core on B (to be closed by the test). */
async function twoStates(): Promise<{ dataDir: string; backupA: string; core: Core }> {
  const dir = tempDir('dihya-journal-');
  cleanups.push(() => dir.remove());
  const core = await createCore({ dataDir: dir.path, mode: 'test' });
  await core.dispatch('projects.create', { name: 'Alpha' });
  mkdirSync(join(dir.path, 'outputs'), { recursive: true });
  writeFileSync(join(dir.path, 'outputs', 'state.txt'), 'A');
  const backupA = (await core.dispatch('backup.create', {})).backup.file;
  await core.dispatch('projects.create', { name: 'Beta' });
  writeFileSync(join(dir.path, 'outputs', 'state.txt'), 'B');
  mkdirSync(join(dir.path, 'plugins'));
  return { dataDir: dir.path, backupA, core };
}

/** Everything up to the commit point of an in-place restore, as restoreInPlace does it. */
async function stageAndCommit(dataDir: string, backup: string): Promise<RestoreJournal> {
  const id = globalThis.crypto.randomUUID();
  // A pid that is not alive: the journal of a process that crashed.
  const staging = tempName(id, 'restore').replace(`-${process.pid}-`, '-999999-');
  const paths = stagingPaths(dataDir, staging);
  const manifest = await stageRestore(backup, { into: paths.fresh, workDir: join(dataDir, WORK_DIR) });
  const journal: RestoreJournal = { v: 1, id, staging, folders: manifest.folders, backup: basename(backup), at: systemClock.now().toISOString(), carry: {} };
  writeRestoreMarker(join(paths.fresh, DATABASE_MEMBER), journal);
  await commitJournal(dataDir, journal);
  return journal;
}

async function stateOf(dataDir: string): Promise<{ names: string[]; file: string; plugins: boolean; core: Core }> {
  const core = await createCore({ dataDir, mode: 'test' });
  cleanups.push(() => core.dispose());
  const names = (await core.dispatch('projects.list', {})).items.map((p) => p.name).sort();
  return { names, file: readFileSync(join(dataDir, 'outputs', 'state.txt'), 'utf8'), plugins: existsSync(join(dataDir, 'plugins')), core };
}

describe('an in-place restore cut short after its commit point', () => {
  it('is completed at the next start: the new state whole, the journal and staging gone, the act audited', async () => {
    const { dataDir, backupA, core } = await twoStates();
    await stageAndCommit(dataDir, backupA);
    await core.dispose(); // the crash: nothing applied yet
    expect(existsSync(journalPath(dataDir))).toBe(true);

    const after = await stateOf(dataDir);
    expect(after).toMatchObject({ names: ['Alpha'], file: 'A', plugins: false });
    expect(existsSync(journalPath(dataDir))).toBe(false);
    expect(readdirSync(join(dataDir, WORK_DIR))).toEqual([]);
    const audit = await after.core.dispatch('audit.verify', {});
    expect(audit).toMatchObject({ ok: true, anchor: { state: 'matches' } });
    const restores = (await after.core.dispatch('audit.list', { action: 'backup.restore' })).items;
    expect(restores).toEqual([expect.objectContaining({ action: 'backup.restore', actor: 'system', details: { completedAtStart: true } })]);
  });

  it('is completed from wherever the swap stopped (one folder already moved aside)', async () => {
    const { dataDir, backupA, core } = await twoStates();
    const journal = await stageAndCommit(dataDir, backupA);
    await core.dispose();
    const paths = stagingPaths(dataDir, journal.staging);
    mkdirSync(paths.old, { recursive: true });
    renameSync(join(dataDir, 'outputs'), join(paths.old, 'outputs')); // the crash: mid-swap, no outputs at all
    expect(await stateOf(dataDir)).toMatchObject({ names: ['Alpha'], file: 'A', plugins: false });
  });

  it('applying the same journal twice changes nothing the second time (the database copy is marked)', async () => {
    const { dataDir, backupA, core } = await twoStates();
    const journal = await stageAndCommit(dataDir, backupA);
    await core.dispose();
    await applyJournal(dataDir, journal);
    const first = await stateOf(dataDir);
    await first.core.dispatch('projects.create', { name: 'Written after the restore' });
    await first.core.dispose();
    // A stale journal (as if the crash came just before its removal) must not copy the database again.
    await commitJournal(dataDir, journal);
    expect((await stateOf(dataDir)).names).toEqual(['Alpha', 'Written after the restore']);
  });
});
