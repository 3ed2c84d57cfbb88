import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Bench } from 'tinybench';
import { newId, nameKey } from '../core/common/index.ts';
import { createCore } from '../core/host/index.ts';
import { listProjects } from '../core/projects/index.ts';
import { rowsFrom, type BenchRow } from './report.ts';

const PROJECTS = 10_000;

/** Cold start (open the store, run migrations) and projects.list over 10 000 rows, beside raw better-sqlite3. */
export async function benchCoreStore(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'dihya-bench-'));
  try {
    const cold = new Bench({ time: 1_000, iterations: 10 });
    let n = 0;
    cold.add('cold start: new data dir (create schema)', async () => {
      const core = await createCore({ dataDir: join(root, `cold-${n++}`), mode: 'test' });
      await core.dispose();
    });
    const warmDir = join(root, 'warm');
    await (await createCore({ dataDir: warmDir, mode: 'test' })).dispose();
    cold.add('cold start: existing data dir', async () => {
      const core = await createCore({ dataDir: warmDir, mode: 'test' });
      await core.dispose();
    });
    await cold.run();

    const core = await createCore({ dataDir: join(root, 'list'), mode: 'test' });
    const insert = core.store.sqlite.prepare('insert into projects (id, name, name_key, slug, description, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
    core.store.sqlite.transaction(() => {
      for (let i = 0; i < PROJECTS; i += 1) {
        const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        const name = `Project ${i}`;
        insert.run(newId(), name, nameKey(name), `project-${i}`, `Description of project ${i}`, at, at);
      }
    })();
    const raw = new BetterSqlite3(core.store.file, { readonly: true });
    const rawAll = raw.prepare('select * from "projects" order by "updated_at" desc, "id" limit ? offset ?');
    const list = new Bench({ time: 1_500 });
    list
      .add('raw better-sqlite3: all 10 000', () => {
        rawAll.all(PROJECTS, 0);
      })
      .add('kysely repository: all 10 000', async () => {
        await listProjects(core.store.db, { limit: PROJECTS, offset: 0 });
      })
      .add('projects.list contract: all 10 000', async () => {
        await core.dispatch('projects.list', { limit: PROJECTS });
      })
      .add('raw better-sqlite3: first page of 100', () => {
        rawAll.all(100, 0);
      })
      .add('projects.list contract: first page of 100', async () => {
        await core.dispatch('projects.list', { limit: 100 });
      });
    await list.run();
    raw.close();
    await core.dispose();
    const notes: Record<string, string> = {
      'projects.list contract: all 10 000': 'target ≤ 1.5× (validates input and output)',
      'projects.list contract: first page of 100': 'also counts the total (a 2nd query)',
    };
    return [
      ...rowsFrom('core start', cold),
      ...rowsFrom('projects.list', list, {
        'kysely repository: all 10 000': 'raw better-sqlite3: all 10 000',
        'projects.list contract: all 10 000': 'raw better-sqlite3: all 10 000',
        'projects.list contract: first page of 100': 'raw better-sqlite3: first page of 100',
      }).map((row) => (notes[row.task] ? { ...row, note: notes[row.task] } : row)),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
