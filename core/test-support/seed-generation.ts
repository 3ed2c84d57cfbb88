import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Core } from '../host/index.ts';

/**
 * A finished generation record with its output folder, written straight to the store: for tests of
 * features that read generation records (export, erasure, retention) without running a generation.
 */
export function seedGeneration(core: Core, projectId: string, options: { outputDir: string; files: Record<string, string>; finishedAt?: string; model?: unknown }): string {
  const id = globalThis.crypto.randomUUID();
  for (const [path, content] of Object.entries(options.files)) {
    const full = join(options.outputDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  const finished = options.finishedAt ?? new Date().toISOString();
  core.store.sqlite
    .prepare('insert into generations (id, project_id, status, started_at, finished_at, duration_ms, model_json, lock_json, output_dir, error_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, projectId, 'succeeded', finished, finished, 5, JSON.stringify(options.model ?? {}), '{}', options.outputDir, null);
  return id;
}
