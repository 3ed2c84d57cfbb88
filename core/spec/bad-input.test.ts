import { describe, expect, it } from 'vitest';
import { projectModel } from '../api/project-model.ts';
import { AppError } from '../common/index.ts';
import { MAX_STRUCTURED_BYTES } from './input-guard.ts';
import { parseSpec } from './parse-spec.ts';

/** Hostile or broken input: each gives a clear error or a sanitised model, in bounded time and memory. */

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  return 'no error';
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('bad input', () => {
  it('refuses an empty file, whitespace, and a file of comments', () => {
    expect(code(() => parseSpec({ text: '' }))).toBe('BAD_REQUEST');
    expect(code(() => parseSpec({ text: ' \n\t\n' }))).toBe('BAD_REQUEST');
    expect(code(() => parseSpec({ text: '# only a comment\n', format: 'yaml' }))).toBe('VALIDATION_FAILED');
  });

  it('refuses binary data, raw or decoded as UTF-8 with replacement characters', () => {
    expect(code(() => parseSpec({ text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' }))).toBe('BAD_REQUEST');
    const decoded = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('utf8');
    expect(code(() => parseSpec({ text: decoded }))).toBe('BAD_REQUEST');
  });

  it('reads 5 MB of text in bounded time, analysing the first part and saying so', () => {
    const paragraph = 'Les clients ont un nom, un email et un téléphone. Chaque client peut avoir plusieurs commandes. Une commande a une date et un montant.\n';
    const text = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
    const { value, ms } = timed(() => parseSpec({ text }));
    expect(ms).toBeLessThan(20_000);
    expect(value.warnings[0]).toMatchObject({ code: 'truncated' });
    expect(value.model.entities.map((e) => e.name)).toEqual(['Client', 'Commande']);
    expect(value.model.requirements.length).toBeLessThanOrEqual(5_000);
    expect(projectModel.safeParse(value.model).success).toBe(true);
  });

  it('reads 5 MB on one line without punctuation in bounded time', () => {
    const text = 'clients commandes produits '.repeat(200_000);
    const { value, ms } = timed(() => parseSpec({ text }));
    expect(ms).toBeLessThan(20_000);
    expect(projectModel.safeParse(value.model).success).toBe(true);
  });

  it('refuses a YAML billion-laughs document quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']] as const) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const { value, ms } = timed(() => {
      try {
        parseSpec({ text: lines.join('\n'), format: 'yaml' });
        return undefined;
      } catch (error) {
        return error as AppError;
      }
    });
    expect(ms).toBeLessThan(2_000);
    expect(value?.code).toBe('VALIDATION_FAILED');
    expect(value?.message).toMatch(/billion laughs/);
  });

  it('refuses deeply nested JSON and YAML before parsing them', () => {
    const json = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const error = (() => {
      try {
        parseSpec({ text: json, format: 'json' });
      } catch (caught) {
        return caught as AppError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.details).toMatchObject({ line: 1, column: 65 });
    expect(code(() => parseSpec({ text: `name: x\nentities: ${'['.repeat(500)}${']'.repeat(500)}\n`, format: 'yaml' }))).toBe('VALIDATION_FAILED');
    const indented = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    expect(code(() => parseSpec({ text: indented, format: 'yaml' }))).toBe('VALIDATION_FAILED');
  });

  it('refuses a structured spec over 1 MiB', () => {
    const big = `{"name": "x", "description": "${'x'.repeat(MAX_STRUCTURED_BYTES)}"}`;
    expect(code(() => parseSpec({ text: big, format: 'json' }))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('strips HTML and script tags from prose before naming anything', () => {
    const text = '<script>alert("x")</script><h1>Shop <i>admin</i></h1>\nClients : <b>nom</b>, email, <img src=x onerror=alert(1)>téléphone.\nCommandes : date, <a href="javascript:alert(1)">montant</a>.';
    const result = parseSpec({ text });
    expect(result.model.entities.map((e) => [e.name, e.fields.map((f) => f.name)])).toEqual([
      ['Client', ['nom', 'email', 'telephone']],
      ['Commande', ['date', 'montant']],
    ]);
    expect(JSON.stringify(result.model)).not.toMatch(/[<>]|<script|alert\(|onerror|javascript:/);
    expect(result.warnings.filter((w) => w.code === 'name-sanitised').map((w) => w.line)).toEqual([1, 2, 3]);
    expect(projectModel.safeParse(result.model).success).toBe(true);
  });

  it('keeps names that are SQL or JS reserved words and flags them for code generation', () => {
    const result = parseSpec({ text: 'Orders: status, date, default.\nCustomers: name, class.\nTables: number, seats.' });
    expect(result.model.entities.map((e) => e.name)).toEqual(['Order', 'Customer', 'Table']);
    const flagged = result.warnings.filter((w) => w.code === 'reserved-word').map((w) => (w.details as { name: string }).name);
    expect(flagged).toEqual(['Order', 'default', 'class', 'Table']);
  });

  it('merges an entity described twice and says so', () => {
    const result = parseSpec({ text: 'Clients : nom, email.\nProduits : nom, prix.\nClients : téléphone, adresse.' });
    expect(result.model.entities.map((e) => [e.name, e.fields.map((f) => f.name)])).toEqual([
      ['Client', ['nom', 'email', 'telephone', 'adresse']],
      ['Produit', ['nom', 'prix']],
    ]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'duplicate-entity', line: 3 })]);
  });

  it('never produces a relation to an entity the model does not have', () => {
    const result = parseSpec({ text: 'Commandes : date, montant. Chaque commande appartient au système. A ticket belongs to nothing we know.' });
    const names = new Set(result.model.entities.map((e) => e.name));
    for (const entity of result.model.entities) for (const relation of entity.relations) expect(names.has(relation.target)).toBe(true);
    expect(projectModel.safeParse(result.model).success).toBe(true);
  });
});

describe('size', () => {
  it('validates a 200-entity structured spec quickly', async () => {
    const { syntheticStructuredSpec } = await import('./evaluation/synthetic-spec.ts');
    const { value, ms } = timed(() => parseSpec({ text: syntheticStructuredSpec(200), format: 'yaml' }));
    expect(value.model.entities).toHaveLength(200);
    expect(value.sources.length).toBeGreaterThan(1_000);
    expect(ms).toBeLessThan(5_000);
  });
});
