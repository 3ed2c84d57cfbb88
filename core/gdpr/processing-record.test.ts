import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { tempCore, tempDir } from '../test-support/temp-core.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the record of processing (Art. 30)', () => {
  it('is generated from what this installation stores: tables, live row counts, retention, audit status', async () => {
    const env = await tempCore();
    cleanups.push(env.dispose);
    await env.core.dispatch('projects.create', { name: 'One' });
    await env.core.dispatch('projects.create', { name: 'Two' });
    await env.core.dispatch('gdpr.retention.set', { logDays: 45 });
    env.core.store.sqlite.exec('create table surprise (id text, project_id text)');
    const record = await env.core.dispatch('gdpr.processingRecord', {});
    expect(record.tables).toContainEqual({ table: 'projects', rows: 2, personal: true, described: true });
    expect(record.tables).toContainEqual({ table: 'surprise', rows: 0, personal: true, described: false });
    expect(record.markdown).toContain('# Record of processing activities (GDPR Art. 30)');
    expect(record.markdown).toMatch(/\| `projects` \| 2 \|/);
    expect(record.markdown).toContain('rotated files: 45 days');
    expect(record.markdown).toContain('Tables not described yet (treated as personal, exported and erased in full): `surprise`');
    expect(record.markdown).toMatch(/intact \(\d+ entries\)/);
  });

  it('is written as Markdown by `dihya gdpr record --out`', async () => {
    const dir = tempDir('dihya-record-');
    cleanups.push(() => dir.remove());
    const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
    const file = join(dir.path, 'record.md');
    expect(await runCli(['--data-dir', join(dir.path, 'data'), 'gdpr', 'record', '--out', file], io)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('## Security measures (Art. 32)');
  });
});
