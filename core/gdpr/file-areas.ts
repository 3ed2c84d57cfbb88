import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

/** Folders of the data directory this module knows, and what they hold (README, Art. 30). */
export const FILE_AREAS = [
  { dir: 'logs', description: 'Application logs (JSON lines, credentials removed, e-mails and phone numbers masked), rotated by size.' },
  { dir: 'exports', description: 'Archives made by `dihya gdpr export` without --out. They hold everything; erasure removes them.' },
] as const;

export const EXPORTS_DIR = 'exports';

export interface OutputFolder {
  projectId: string;
  slug: string;
  generationId: string;
  path: string;
  insideDataDir: boolean;
}

export function isInside(dataDir: string, path: string): boolean {
  const rel = relative(resolve(dataDir), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Generated project folders recorded by generation runs, that still exist. */
export function outputFolders(sqlite: BetterSqlite3.Database, dataDir: string, projectId?: string): OutputFolder[] {
  const rows = sqlite
    .prepare(
      `select g.id as generationId, g.project_id as projectId, g.output_dir as outputDir, p.slug as slug
       from generations g join projects p on p.id = g.project_id
       where g.output_dir is not null ${projectId === undefined ? '' : 'and g.project_id = ?'}
       order by g.started_at`,
    )
    .all(...(projectId === undefined ? [] : [projectId])) as { generationId: string; projectId: string; outputDir: string; slug: string }[];
  return rows
    .map((row) => {
      const path = isAbsolute(row.outputDir) ? row.outputDir : join(dataDir, row.outputDir);
      return { projectId: row.projectId, slug: row.slug, generationId: row.generationId, path, insideDataDir: isInside(dataDir, path) };
    })
    .filter((folder) => existsSync(folder.path) && lstatSync(folder.path).isDirectory());
}

/** Regular files under `dir`, as paths relative to it with `/` separators. Symlinks are not followed. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}
