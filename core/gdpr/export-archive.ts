import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { GdprExportResult } from '../api/index.ts';
import { auditHeadSync } from '../audit/index.ts';
import { AppError, isSecretKey, redactValue } from '../common/index.ts';
import { quoteIdent, tablesInStore, type CatalogedTable } from './data-catalog.ts';
import { FILE_AREAS, listFiles, outputFolders } from './file-areas.ts';
import type { GdprDeps } from './gdpr-deps.ts';

interface ArchiveFile {
  path: string;
  bytes: Buffer;
  describe: string;
}

/** `value_json` → `value` holding the parsed JSON, so the export reads as data rather than strings. */
function exportRow(row: Record<string, unknown>, secretColumns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (secretColumns.includes(column) || isSecretKey(column)) continue;
    if (column.endsWith('_json') && typeof value === 'string') {
      try {
        out[column.slice(0, -'_json'.length)] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // Not JSON after all: exported as stored.
      }
    }
    out[column] = Buffer.isBuffer(value) ? value.toString('base64') : value;
  }
  // Credentials never leave, even inside the user's own data; everything else is theirs, unmasked.
  return redactValue(out, 'secrets');
}

function readTables(deps: GdprDeps, tables: CatalogedTable[]): { table: CatalogedTable; rows: Record<string, unknown>[] }[] {
  // One read transaction: every table comes from the same snapshot.
  return deps.store.sqlite.transaction(() =>
    tables.map((table) => ({
      table,
      rows: (deps.store.sqlite.prepare(`select * from ${quoteIdent(table.entry.table)} order by rowid`).all() as Record<string, unknown>[]).map((row) => exportRow(row, table.entry.secretColumns ?? [])),
    })),
  )();
}

function readme(files: readonly ArchiveFile[], createdAt: string, version: string): string {
  return [
    '# Your data from Dihya',
    '',
    `Exported ${createdAt} by Dihya ${version}, under GDPR Art. 15 (right of access) and Art. 20 (data portability).`,
    'Everything Dihya holds about you and your projects is here, in plain JSON and files. Credentials',
    '(tokens, keys, passwords) are never exported: where one was stored, you will see `[REDACTED…]`.',
    '',
    '`manifest.json` lists every file with its sha256, so you can check nothing was altered',
    '(e.g. `sha256sum data/projects.json`). Columns ending in `_json` in the database are shown parsed, without the suffix.',
    '',
    '## Files',
    '',
    ...files.map((file) => `- \`${file.path}\` — ${file.describe}`),
    '',
  ].join('\n');
}

async function writeZip(outPath: string, files: readonly ArchiveFile[], manifest: Buffer, readmeText: Buffer, mtime: Date): Promise<{ bytes: number; sha256: string }> {
  mkdirSync(dirname(outPath), { recursive: true });
  const partial = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.partial`);
  const zip = new yazl.ZipFile();
  zip.addBuffer(readmeText, 'README.md', { mtime });
  zip.addBuffer(manifest, 'manifest.json', { mtime });
  for (const file of files) zip.addBuffer(file.bytes, file.path, { mtime });
  zip.end();
  const hash = createHash('sha256');
  try {
    await pipeline(zip.outputStream, async function* (source) {
      for await (const chunk of source) {
        hash.update(chunk as Buffer);
        yield chunk;
      }
    }, createWriteStream(partial, { mode: 0o600 }));
    renameSync(partial, outPath);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { bytes: statSync(outPath).size, sha256: hash.digest('hex') };
}

/**
 * The Art. 15 / 20 export: every table that holds personal data as `data/<table>.json`, the
 * generated project folders, the application logs, a README describing each file and a manifest
 * with the sha256 of every file. Written to a temporary name and renamed, so a half-written
 * archive never carries the final name.
 */
export async function exportPersonalData(deps: GdprDeps, outPath: string, options: { overwrite: boolean }): Promise<GdprExportResult> {
  if (existsSync(outPath) && !options.overwrite) {
    throw new AppError('CONFLICT', `${outPath} already exists; choose another file or allow overwriting (--force).`, { outPath });
  }
  const createdAt = deps.clock.now().toISOString();
  const tables = tablesInStore(deps.store.sqlite).filter((t) => t.entry.export === 'rows');
  const files: ArchiveFile[] = [];
  const counts: { table: string; rows: number }[] = [];
  for (const { table, rows } of readTables(deps, tables)) {
    counts.push({ table: table.entry.table, rows: rows.length });
    const note = table.described ? '' : ' (not described yet: exported in full, credentials removed)';
    files.push({ path: `data/${table.entry.table}.json`, bytes: Buffer.from(`${JSON.stringify(rows, null, 2)}\n`), describe: `${table.entry.description}${note} ${rows.length} row(s).` });
  }
  const folders = outputFolders(deps.store.sqlite, deps.dataDir);
  for (const folder of folders) {
    for (const rel of listFiles(folder.path)) {
      files.push({ path: `generated/${folder.slug}/${folder.generationId}/${rel}`, bytes: readFileSync(join(folder.path, rel)), describe: `Generated by run ${folder.generationId} of project ${folder.slug}.` });
    }
  }
  for (const log of deps.appLog.file.files()) {
    files.push({ path: `logs/${basename(log)}`, bytes: readFileSync(log), describe: FILE_AREAS[0].description });
  }
  const manifest = {
    format: 'dihya-gdpr-export/1',
    createdAt,
    dihyaVersion: deps.version,
    auditHead: auditHeadSync(deps.store.sqlite),
    files: [{ path: 'README.md', sha256: '', bytes: 0 }, ...files.map((f) => ({ path: f.path, sha256: createHash('sha256').update(f.bytes).digest('hex'), bytes: f.bytes.length }))],
  };
  const readmeText = Buffer.from(readme([{ path: 'manifest.json', bytes: Buffer.alloc(0), describe: 'sha256 and size of every other file.' }, ...files], createdAt, deps.version));
  manifest.files[0] = { path: 'README.md', sha256: createHash('sha256').update(readmeText).digest('hex'), bytes: readmeText.length };
  const written = await writeZip(outPath, files, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), readmeText, new Date(createdAt));
  return { path: outPath, bytes: written.bytes, sha256: written.sha256, files: files.length + 2, tables: counts, generatedFolders: folders.length };
}

