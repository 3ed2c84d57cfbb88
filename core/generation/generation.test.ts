import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DihyaEvent } from '../api/index.ts';
import { readAuditLog } from '../audit/index.ts';
import { AppError } from '../common/index.ts';
import { gymModel } from '../codegen/test-support/models.ts';
import { tempCore, tempDir } from '../test-support/temp-core.ts';

type Target = Awaited<ReturnType<typeof tempCore>>;
let target: Target;
let out: { path: string; remove(): void };
let events: DihyaEvent[];
beforeEach(async () => {
  target = await tempCore();
  out = tempDir('dihya-gen-out-');
  events = [];
  target.core.events.subscribe((event) => events.push(event));
});
afterEach(async () => {
  await target.dispose();
  out.remove();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}

describe('generation through the contract', () => {
  it('runs, records, audits and reports progress; lists and reads back what it wrote', async () => {
    const { client } = target.core;
    const project = await client.invoke('projects.create', { name: 'Gym' });
    const outputDir = join(out.path, 'gym');
    const run = await client.invoke('generation.run', { projectId: project.id, model: gymModel, outputDir });
    expect(run).toMatchObject({ status: 'succeeded', stack: 'web-fullstack', outputDir, error: null });
    expect(run.counts.create).toBe(run.fileCount);
    expect(JSON.parse(readFileSync(join(outputDir, 'dihya.lock.json'), 'utf8')).rootHash).toBe(run.rootHash);

    const progress = events.filter((e): e is Extract<DihyaEvent, { type: 'progress' }> => e.type === 'progress' && e.taskId === run.id);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatchObject({ label: 'Writing files' });
    const rendered = progress.filter((e) => e.label === 'Rendering files');
    expect(rendered.at(-1)?.done).toBe(rendered.at(-1)?.total);
    expect(rendered.map((e) => e.done)).toEqual([...rendered.map((e) => e.done)].sort((a, b) => a - b));
    expect(events).toContainEqual({ type: 'generation.finished', generation: expect.objectContaining({ id: run.id, status: 'succeeded' }) });

    const audit = await readAuditLog(target.core.store.db);
    const entry = audit.find((e) => e.action === 'generation.run');
    expect(entry).toMatchObject({ subject: run.id, details: { projectId: project.id, stack: 'web-fullstack', rootHash: run.rootHash } });
    expect(JSON.stringify(entry?.details)).not.toContain(out.path);

    expect((await client.invoke('generation.list', { projectId: project.id })).items.map((g) => g.id)).toEqual([run.id]);
    const record = await client.invoke('generation.get', { id: run.id });
    expect(record.model).toMatchObject({ name: 'Iron Temple Gym' });
    expect(record.lock).toMatchObject({ rootHash: run.rootHash });

    const files = await client.invoke('generation.files', { id: run.id });
    expect(files.files.length).toBe(run.fileCount! - 1);
    expect(files.files.every((f) => f.state === 'ok')).toBe(true);
    const readme = await client.invoke('generation.readFile', { id: run.id, path: 'README.md' });
    expect(readme.content).toContain('# Iron Temple Gym');
    expect(readme.state).toBe('ok');
    expect((await rejection(client.invoke('generation.readFile', { id: run.id, path: '../../etc/passwd' }))).code).toBe('NOT_FOUND');
  });

  it('tags progress with the task id the caller chose', async () => {
    const { client } = target.core;
    const project = await client.invoke('projects.create', { name: 'Gym' });
    await client.invoke('generation.run', { projectId: project.id, model: gymModel, outputDir: join(out.path, 'gym'), taskId: 'ui-task-1' });
    const mine = events.filter((e) => e.type === 'progress' && e.taskId === 'ui-task-1');
    expect(mine.length).toBeGreaterThan(2);
    expect(events.filter((e) => e.type === 'progress' && e.taskId !== 'ui-task-1')).toEqual([]);
  });

  it('previews without writing, and refuses to overwrite hand edits unless forced', async () => {
    const { client } = target.core;
    const project = await client.invoke('projects.create', { name: 'Gym' });
    const outputDir = join(out.path, 'gym');
    const first = await client.invoke('generation.preview', { model: gymModel, outputDir });
    expect(first.counts.create).toBe(first.fileCount);
    await expect(import('node:fs').then((fs) => fs.existsSync(outputDir))).resolves.toBe(false);

    const run = await client.invoke('generation.run', { projectId: project.id, model: gymModel, outputDir });
    writeFileSync(join(outputDir, 'README.md'), 'my notes\n');
    const changedModel = { ...gymModel, name: 'Iron Temple' };
    const preview = await client.invoke('generation.preview', { model: changedModel, outputDir });
    expect(preview.files.find((f) => f.path === 'README.md')).toMatchObject({ change: 'change', conflict: 'user-modified', diff: expect.stringContaining('-my notes') });

    const refused = await rejection(client.invoke('generation.run', { projectId: project.id, model: changedModel, outputDir }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('README.md');
    expect(readFileSync(join(outputDir, 'README.md'), 'utf8')).toBe('my notes\n');
    const failed = (await client.invoke('generation.list', { projectId: project.id })).items[0];
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'CONFLICT' } });
    // The failed run is audited too: its code, never its message (which names the folder).
    const failure = (await readAuditLog(target.core.store.db)).find((e) => e.action === 'generation.failed');
    expect(failure).toMatchObject({ subject: failed?.id, details: { projectId: project.id, stack: 'web-fullstack', code: 'CONFLICT' } });
    expect(JSON.stringify(failure)).not.toContain(out.path);

    const verify = await client.invoke('generation.verify', { id: run.id });
    expect(verify).toMatchObject({ ok: false, changed: ['README.md'] });

    const forced = await client.invoke('generation.run', { projectId: project.id, model: changedModel, outputDir, force: true });
    expect(forced.status).toBe('succeeded');
    expect(readFileSync(join(outputDir, 'README.md'), 'utf8')).toContain('# Iron Temple');
    expect((await client.invoke('generation.verify', { dir: outputDir })).ok).toBe(true);
  });

  it('reads a structured spec text, and names the problem in an invalid one', async () => {
    const { client } = target.core;
    const yaml = readFileSync(new URL('../../../shared/specs/en-gym.yaml', import.meta.url), 'utf8');
    const preview = await client.invoke('generation.preview', { spec: { text: yaml, fileName: 'en-gym.yaml' } });
    expect(preview.files.map((f) => f.path)).toContain('src/shared/entities/fitness-class.ts');
    const bad = await rejection(client.invoke('generation.preview', { spec: { text: 'name: X\ndomain: fitness\nlanguages: [en]\nentities:\n  - name: A\n    fields: [{ name: x, type: colour }]\n', fileName: 'x.yaml' } }));
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.message).toContain('entities[0].fields[0].type');
  });

  it('refuses an unknown stack, a relative output folder and a model with no entity, recording nothing on disk', async () => {
    const { client } = target.core;
    const project = await client.invoke('projects.create', { name: 'Gym' });
    expect((await rejection(client.invoke('generation.preview', { model: gymModel, stack: 'cobol-mainframe' }))).code).toBe('NOT_FOUND');
    expect((await client.invoke('generation.stacks', {})).items).toEqual([expect.objectContaining({ id: 'web-fullstack', kind: 'stack', options: { port: expect.objectContaining({ type: 'string', default: '3000' }) } })]);
    expect((await rejection(client.invoke('generation.run', { projectId: project.id, model: gymModel, outputDir: 'relative/path' }))).code).toBe('VALIDATION_FAILED');
    const empty = await rejection(client.invoke('generation.run', { projectId: project.id, model: { ...gymModel, entities: [] }, outputDir: join(out.path, 'x') }));
    expect(empty.message).toContain('no entities');
    await expect(import('node:fs').then((fs) => fs.existsSync(join(out.path, 'x')))).resolves.toBe(false);
  });
});
