import { afterEach, describe, expect, it } from 'vitest';
import { isSecretKey } from '../common/index.ts';
import { tempCore } from '../test-support/temp-core.ts';
import { DATA_CATALOG, tablesInStore } from './data-catalog.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the data catalog', () => {
  it('describes every table the store holds — add a new table to core/gdpr/data-catalog.ts', async () => {
    const env = await tempCore();
    cleanups.push(env.dispose);
    const tables = tablesInStore(env.core.store.sqlite);
    expect(tables.filter((t) => !t.described).map((t) => t.entry.table)).toEqual([]);
    expect(DATA_CATALOG.map((e) => e.table).filter((name) => !tables.some((t) => t.entry.table === name))).toEqual([]);
  });

  it('keeps each entry consistent: categories for personal data, project columns and secret columns that exist', async () => {
    const env = await tempCore();
    cleanups.push(env.dispose);
    for (const { entry, columns } of tablesInStore(env.core.store.sqlite)) {
      expect(entry.personal ? entry.categories.length > 0 : entry.categories.length === 0, entry.table).toBe(true);
      if (entry.projectColumn !== undefined) expect(columns, entry.table).toContain(entry.projectColumn);
      for (const column of [...(entry.secretColumns ?? []), ...(entry.mentions?.columns ?? [])]) expect(columns, entry.table).toContain(column);
      // A credential-looking column must be declared secret, so nobody exports it by accident.
      for (const column of columns.filter(isSecretKey)) expect(entry.secretColumns ?? [], `${entry.table}.${column}`).toContain(column);
    }
  });
});
