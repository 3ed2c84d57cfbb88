import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Bench } from 'tinybench';
import { createBackup, type CreatedBackup } from '../core/backup/create-backup.ts';
import { SqliteWorker } from '../core/backup/sqlite-worker.ts';
import { verifyArchive } from '../core/backup/verify-backup.ts';
import { nameKey, newId, systemClock } from '../core/common/index.ts';
import { createCore } from '../core/host/index.ts';
import { rowsFrom, type BenchRow } from './report.ts';

/** The data: a 200 MB store with 1 000 generated projects (`DIHYA_BENCH_BACKUP_MB` for a quicker run). */
const STORE_MB = Number(process.env.DIHYA_BENCH_BACKUP_MB ?? 200);
const PROJECTS = Number(process.env.DIHYA_BENCH_BACKUP_PROJECTS ?? 1_000);
const FILES_PER_PROJECT = 6;
/**
 * A pause before every measured run. This machine is a virtual machine that hands freed memory
 * back to its host about 2 s after it is freed; a run that starts right after another deleted its
 * 200 MB copy writes into those recycled pages up to ten times faster than into fresh ones. Without
 * the pause the ratios depend on task order rather than on the work done.
 */
const SETTLE_MS = 3_000;
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, SETTLE_MS));

/** A store of about STORE_MB: projects, generation records carrying their models, and their output folders. */
async function buildStore(dataDir: string): Promise<void> {
  const core = await createCore({ dataDir, mode: 'test' });
  const sqlite = core.store.sqlite;
  const insertProject = sqlite.prepare('insert into projects (id, name, name_key, slug, description, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  const insertGeneration = sqlite.prepare("insert into generations (id, project_id, status, started_at, finished_at, duration_ms, model_json, output_dir) values (?, ?, 'succeeded', ?, ?, 1200, ?, ?)");
  const perGeneration = 64 * 1024;
  const generations = Math.max(PROJECTS, Math.ceil((STORE_MB * 1_000_000) / perGeneration));
  sqlite.transaction(() => {
    const ids: string[] = [];
    for (let i = 0; i < PROJECTS; i += 1) {
      const id = newId();
      ids.push(id);
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      insertProject.run(id, `Project ${i}`, nameKey(`Project ${i}`), `project-${i}`, `Generated project number ${i}`, at, at);
    }
    for (let g = 0; g < generations; g += 1) {
      // Models are JSON text: half random (incompressible), half repetitive, like real ones.
      const model = JSON.stringify({ entities: randomBytes(perGeneration / 4).toString('hex'), pages: 'page '.repeat(perGeneration / 10) });
      const at = new Date(Date.UTC(2026, 0, 1) + g * 1_000).toISOString();
      insertGeneration.run(newId(), ids[g % PROJECTS], at, at, model, `outputs/project-${g % PROJECTS}`);
    }
  })();
  for (let i = 0; i < PROJECTS; i += 1) {
    const dir = join(dataDir, 'outputs', `project-${i}`, 'src');
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < FILES_PER_PROJECT; f += 1) writeFileSync(join(dir, `file-${f}.ts`), `export const value${f} = ${JSON.stringify(randomBytes(600).toString('base64'))};\n`);
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await core.dispose();
}

/** Backup and verification beside Debian's `sqlite3 db ".backup"` on the same data. */
export async function benchBackup(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'dihya-bench-backup-'));
  try {
    const dataDir = join(root, 'data');
    await buildStore(dataDir);
    const db = join(dataDir, 'dihya.sqlite');
    const sizeMb = (statSync(db).size / 1_048_576).toFixed(0);
    const scratch = join(root, 'scratch');
    mkdirSync(scratch);
    let n = 0;
    const target = () => join(scratch, `copy-${n++}.sqlite`);
    const worker = new SqliteWorker();
    const destination = join(root, 'backups');
    const outputs = join(dataDir, 'outputs');
    const parked = join(root, 'outputs-parked');
    const archives: Record<'db' | 'files', CreatedBackup | undefined> = { db: undefined, files: undefined };
    const backup = async (which: 'db' | 'files') => {
      archives[which] = await createBackup({ dataDir, dbFile: db, destination, kind: 'manual', clock: systemClock, dihyaVersion: 'bench', schemaVersion: 0 });
    };
    const verify = async (which: 'db' | 'files') => {
      const archive = archives[which];
      if (archive === undefined) throw new Error('no backup to verify');
      await verifyArchive(archive.file, { workDir: scratch });
    };

    const labels = {
      cli: `sqlite3 .backup (Debian CLI), ${sizeMb} MiB store, ${PROJECTS} projects`,
      api: 'better-sqlite3 backup()',
      vacuum: 'snapshot: VACUUM INTO (what Dihya uses)',
      cliAgain: 'sqlite3 .backup again, beside the whole backups',
      wholeDb: 'whole backup of the database: snapshot, sha256 of every member, archive, fsync, integrity_check, confirm',
      verifyDb: 'verify it: digest + every sha256, integrity_check of an extracted copy',
      wholeFiles: `whole backup with ${PROJECTS} projects' output folders (${PROJECTS * FILES_PER_PROJECT} files)`,
      verifyFiles: 'verify it',
    };
    // Each copy is removed after its run, so every iteration does the same work on the same disk.
    const clean = {
      beforeEach: async () => {
        mkdirSync(scratch, { recursive: true });
        await settle();
      },
      afterEach: () => rmSync(scratch, { recursive: true, force: true }),
    };
    // The database-only runs park the output folders outside the data directory for their duration.
    const backupHooks = (which: 'db' | 'files') => ({
      beforeEach: async () => {
        if (archives[which] !== undefined) rmSync((archives[which] as CreatedBackup).file);
        if (which === 'db') renameSync(outputs, parked);
        await settle();
      },
      afterEach: () => {
        if (which === 'db') renameSync(parked, outputs);
      },
    });
    const snapshots = new Bench({ time: 0, iterations: 3, warmup: false });
    snapshots
      .add(labels.cli, () => {
        execFileSync('sqlite3', [db, `.backup '${target()}'`], { stdio: 'ignore' });
      }, clean)
      .add(labels.api, async () => {
        const source = new BetterSqlite3(db, { readonly: true });
        try {
          await source.backup(target(), { progress: () => 0x7fffffff });
        } finally {
          source.close();
        }
      }, clean)
      .add(labels.vacuum, async () => {
        await worker.snapshot(db, target());
      }, clean);
    // The baseline is measured again right before the backups: the load of a shared machine drifts.
    const backups = new Bench({ time: 0, iterations: 3, warmup: false });
    backups
      .add(labels.cliAgain, () => {
        execFileSync('sqlite3', [db, `.backup '${target()}'`], { stdio: 'ignore' });
      }, clean)
      .add(labels.wholeDb, () => backup('db'), backupHooks('db'))
      .add(labels.verifyDb, () => verify('db'), clean)
      .add(labels.wholeFiles, () => backup('files'), backupHooks('files'))
      .add(labels.verifyFiles, () => verify('files'), clean);
    await snapshots.run();
    await backups.run();
    await worker.dispose();
    const notes: Record<string, string> = {
      [labels.cli]: `the issue's data; ${SETTLE_MS / 1000} s pause before every run (see SETTLE_MS)`,
      [labels.vacuum]: 'target ≤ 1.0×',
      [labels.wholeDb]: 'target ≤ 2×',
      [labels.wholeFiles]: 'per-file cost: open, read, close each file',
    };
    const rows = [
      ...rowsFrom('backup', snapshots, { [labels.api]: labels.cli, [labels.vacuum]: labels.cli }),
      ...rowsFrom('backup', backups).map((row) => (row.task === labels.cliAgain ? row : { ...row, baseline: labels.cliAgain })),
    ];
    return rows.map((row) => (notes[row.task] ? { ...row, note: notes[row.task] } : row));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
