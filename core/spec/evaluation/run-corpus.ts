import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseSpec } from '../parse-spec.ts';
import { scoreModel, type Expected, type Score } from './score.ts';

/**
 * Runs the extractor over a corpus folder (`NAME.md|.txt|.yaml|.yml|.json` beside
 * `NAME.expected.json`) and sums the figures the targets are set on.
 */

export interface SpecResult {
  name: string;
  score: Score;
  ms: number;
}

export interface CorpusTotals {
  specs: number;
  entityRecall: number;
  fieldRecall: number;
  relationRecall: number;
  precision: number;
  domainExact: number;
  languagesExact: number;
  roleRecall: number;
  featureRecall: number;
  stacksExact: number;
  exactOk: number;
  exactSpecs: number;
}

const SPEC_EXTENSIONS = ['.md', '.txt', '.yaml', '.yml', '.json'];

export function corpusFiles(dir: string): { name: string; specFile: string; expectedFile: string }[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir);
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .map((expectedFile) => {
      const name = expectedFile.slice(0, -'.expected.json'.length);
      const specFile = files.find((f) => f !== expectedFile && SPEC_EXTENSIONS.some((ext) => f === `${name}${ext}`));
      return specFile === undefined ? undefined : { name, specFile: join(dir, specFile), expectedFile: join(dir, expectedFile) };
    })
    .filter((x): x is NonNullable<typeof x> => x !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function runCorpus(dir: string): { results: SpecResult[]; totals: CorpusTotals } {
  const results: SpecResult[] = [];
  for (const { name, specFile, expectedFile } of corpusFiles(dir)) {
    const text = readFileSync(specFile, 'utf8');
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;
    const started = performance.now();
    const { model } = parseSpec({ text, fileName: specFile });
    const ms = performance.now() - started;
    const structured = /\.(ya?ml|json)$/.test(specFile);
    const content = structured ? (specFile.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) : undefined;
    results.push({ name, score: scoreModel(model, expected, content), ms });
  }
  return { results, totals: totalsOf(results) };
}

function ratio(matched: number, expected: number): number {
  return expected === 0 ? 1 : matched / expected;
}

export function totalsOf(results: readonly SpecResult[]): CorpusTotals {
  const sum = (pick: (s: Score) => number) => results.reduce((n, r) => n + pick(r.score), 0);
  const exact = results.filter((r) => r.score.exact !== undefined);
  return {
    specs: results.length,
    entityRecall: ratio(sum((s) => s.entities.matched), sum((s) => s.entities.expected)),
    fieldRecall: ratio(sum((s) => s.fields.matched), sum((s) => s.fields.expected)),
    relationRecall: ratio(sum((s) => s.relations.matched), sum((s) => s.relations.expected)),
    precision: ratio(sum((s) => s.precision.matched), sum((s) => s.precision.total)),
    domainExact: results.filter((r) => r.score.domain.ok).length,
    languagesExact: results.filter((r) => r.score.languages.ok).length,
    roleRecall: ratio(sum((s) => s.roles.matched), sum((s) => s.roles.expected)),
    featureRecall: ratio(sum((s) => s.features.matched), sum((s) => s.features.expected)),
    stacksExact: results.filter((r) => r.score.stacks.ok).length,
    exactOk: exact.filter((r) => r.score.exact!.ok).length,
    exactSpecs: exact.length,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(title: string, results: readonly SpecResult[], totals: CorpusTotals): string {
  const rows = results.map((r) => {
    const s = r.score;
    const notes = [
      ...s.entities.missing.map((e) => `missing entity ${e}`),
      ...s.entities.extra.map((e) => `extra entity ${e}`),
      ...s.fields.missing.map((f) => `missing field ${f}`),
      ...s.relations.missing.map((x) => `missing relation ${x}`),
      ...(s.domain.ok ? [] : [`domain ${s.domain.actual} ≠ ${s.domain.expected}`]),
      ...(s.languages.ok ? [] : [`languages ${s.languages.actual.join(',')} ≠ ${s.languages.expected.join(',')}`]),
      ...s.features.missing.map((f) => `missing feature ${f}`),
      ...(s.stacks.ok ? [] : [`stacks ${s.stacks.actual.join(',')} ≠ ${s.stacks.expected?.join(',')}`]),
      ...(s.exact !== undefined && !s.exact.ok ? [`not exact: ${s.exact.difference}`] : []),
    ];
    return `  ${r.name.padEnd(34)} ent ${s.entities.matched}/${s.entities.expected}  fld ${s.fields.matched}/${s.fields.expected}  rel ${s.relations.matched}/${s.relations.expected}  prec ${s.precision.matched}/${s.precision.total}  ${s.domain.ok ? 'dom ✓' : 'dom ✗'} ${s.languages.ok ? 'lang ✓' : 'lang ✗'}  ${r.ms.toFixed(1)} ms${notes.length > 0 ? `\n      ${notes.join('\n      ')}` : ''}`;
  });
  const t = totals;
  return [
    `${title} — ${t.specs} specs`,
    ...rows,
    `  TOTAL entity recall ${pct(t.entityRecall)} · field recall ${pct(t.fieldRecall)} · relation recall ${pct(t.relationRecall)} · precision ${pct(t.precision)} · domain ${t.domainExact}/${t.specs} · languages ${t.languagesExact}/${t.specs} · roles ${pct(t.roleRecall)} · features ${pct(t.featureRecall)} · stacks ${t.stacksExact}/${t.specs} · exact ${t.exactOk}/${t.exactSpecs}`,
  ].join('\n');
}
