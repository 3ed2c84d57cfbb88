import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../common/index.ts';
import { createCore, type Core } from '../host/index.ts';

/** spec.parse and spec.validate through the dispatcher: registered, validated both ways, read-only. */
describe('spec commands of the contract', () => {
  let core: Core;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dihya-spec-'));
    core = await createCore({ dataDir, mode: 'test' });
  });
  afterAll(async () => {
    await core?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('spec.parse answers a model with its sources', async () => {
    const result = await core.client.invoke('spec.parse', { text: 'Adhérents : nom, email. Chaque adhérent paie des cotisations (montant, date).' });
    expect(result.model.entities.map((e) => e.name)).toEqual(['Adherent', 'Cotisation']);
    expect(result.sources.find((s) => s.path === 'entities[1]')?.source?.line).toBe(1);
  });

  it('spec.parse carries structured errors with path, line and column', async () => {
    const error = await core.client.invoke('spec.parse', { text: 'name: X\ndomain: legal\nlanguages: [fr]\nentities: 3\n', format: 'yaml' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'entities', line: 4, column: 11 } });
  });

  it('spec.validate reports problems as data, and refuses malformed input', async () => {
    const result = await core.client.invoke('spec.validate', { text: '{"name": "X"}', fileName: 'x.json' });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['domain', 'languages', 'entities']));
    await expect(core.client.invoke('spec.validate', { text: 'x', format: 'xml' } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
