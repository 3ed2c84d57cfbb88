import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectModel } from '../api/project-model.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { generateTree } from './generate-tree.ts';
import { loadTemplatePack, templatePackFromFiles } from './template-pack.ts';
import { gymModel } from './test-support/models.ts';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

const MANIFEST = 'id: tiny\nname: Tiny\nversion: 1.0.0\nkind: stack\ndescription: A test pack.\nmodelVersions: [1]\n';

function packDir(files: Record<string, string>): string {
  const dir = tempDir('dihya-pack-');
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir.path, path)), { recursive: true });
    writeFileSync(join(dir.path, path), content);
  }
  return dir.path;
}

const model = projectModel.parse(gymModel);
const enc = (files: Record<string, string>) => new Map(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)]));
const render = (files: Record<string, string>) => generateTree({ model, pack: templatePackFromFiles(enc({ 'template.yaml': MANIFEST, ...files })), generatorVersion: '1.0.0' });

describe('template packs are untrusted data', () => {
  it('loads a folder pack: manifest, files, partials and data', async () => {
    const pack = await loadTemplatePack(packDir({
      'template.yaml': `${MANIFEST}files:\n  - path: "e/{{entity.file}}.txt.hbs"\n    each: entity\n  - path: "gdpr.txt"\n    when: "!gdpr.enabled"\n`,
      'files/e/{{entity.file}}.txt.hbs': '{{> head}}{{entity.names.pascal}} {{data.words.hello}}',
      'files/gdpr.txt': 'static',
      'partials/head.hbs': '# ',
      'data/words.yaml': 'hello: salam',
    }));
    const { tree } = generateTree({ model, pack, generatorVersion: '1.0.0' });
    expect(new TextDecoder().decode(tree.get('e/fitness-class.txt'))).toBe('# FitnessClass salam');
    expect(tree.has('gdpr.txt')).toBe(false);
  });

  it('refuses a template whose path renders outside the output, before anything is written', () => {
    expect(() => render({ 'files/{{data.x}}.hbs': 'x', 'data/x.yaml': '"../../x"' })).toThrow();
    expect(() => render({ 'files/a.txt.hbs': 'x', 'template.yaml': MANIFEST })).not.toThrow();
    const escape = () => render({ 'files/{{project.slug}}/{{data.up}}/x.txt': 'x', 'data/up.yaml': '".."' });
    expect(escape).toThrow(/climbs out of its folder/);
    expect(() => render({ 'files/{{data.abs}}': 'x', 'data/abs.yaml': '"/etc/passwd"' })).toThrow(/absolute/);
    expect(() => templatePackFromFiles(enc({ 'template.yaml': MANIFEST, 'files/../../x': 'x' }))).toThrow(/climbs out/);
    expect(() => templatePackFromFiles(enc({ 'template.yaml': MANIFEST, '/abs': 'x' }))).toThrow(/absolute/);
  });

  it('refuses a symbolic link inside a pack', async () => {
    const dir = packDir({ 'template.yaml': MANIFEST, 'files/a.txt': 'a' });
    symlinkSync('/etc/passwd', join(dir, 'files', 'link.txt'));
    await expect(loadTemplatePack(dir)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('symbolic link') });
  });

  it('refuses a file written twice, even when only the case differs', () => {
    expect(() => render({ 'files/{{#if true}}A{{/if}}.txt': '1', 'files/a.txt': '2' })).toThrow(/Two templates write the same file/);
  });

  it('lets templates call only the safe helpers and never reach prototypes', () => {
    expect(() => render({ 'files/x.txt.hbs': '{{constructor.constructor "return process"}}' })).toThrow(/unknown helper/);
    const out = render({ 'files/x.txt.hbs': '[{{project.constructor}}][{{lookup project "__proto__"}}][{{#each (lookup this "__proto__")}}{{@key}}{{/each}}]' });
    expect(new TextDecoder().decode(out.tree.get('x.txt'))).toBe('[][][]');
  });

  it('refuses an invalid manifest with the field at fault', () => {
    expect(() => templatePackFromFiles(enc({ 'template.yaml': MANIFEST.replace('1.0.0', 'one') }))).toThrow(/template.yaml is invalid at version/);
    expect(() => templatePackFromFiles(enc({ 'template.yaml': `${MANIFEST}files:\n  - path: nope.hbs\n` }))).toThrow(/no such template/);
    expect(() => templatePackFromFiles(enc({ 'template.yaml': MANIFEST, 'scripts/run.js': 'x' }))).toThrow(/outside files/);
    expect(() => generateTree({ model, pack: templatePackFromFiles(enc({ 'template.yaml': MANIFEST.replace('[1]', '[2]') })), generatorVersion: '1' })).toThrow(/supports model versions 2, not 1/);
  });
});
