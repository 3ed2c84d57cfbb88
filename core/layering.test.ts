import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './test-support/run-bin.ts';

/** The dependency rule of STYLE.md is enforced by lint; these cases show the rule really bites. */

/** A one-import module; assembled so that text searches for real cross-layer imports skip these fixtures. */
function sample(binding: string, specifier: string): string {
  const name = binding.replace(/[{} ]/g, '');
  return ['import', binding, 'from', `'${specifier}';`].join(' ') + `\nexport const a = ${name};\n`;
}
/** A module loading another lazily, as the CLI does for one-shot commands. */
function lazySample(specifier: string): string {
  return `export const load = () => ${['import', `('${specifier}')`].join('')};\n`;
}
const eslint = new ESLint({ cwd: REPO_ROOT });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('layering lint', () => {
  it.each([
    ['core/host/x.ts', sample('{ app }', 'electron')],
    ['core/projects/x.ts', sample('React', 'react')],
    ['core/host/x.ts', sample('{ w }', '../../main/window.ts')],
    ['core/api/x.ts', sample('{ readFileSync }', 'node:fs')],
    ['core/api/x.ts', sample('{ openStore }', '../db/index.ts')],
    ['renderer/x.ts', sample('{ createCore }', '../core/host/index.ts')],
    ['renderer/x.ts', sample('Database', 'better-sqlite3')],
    ['preload/x.ts', sample('{ openStore }', '../core/db/index.ts')],
    ['core/api/x.ts', sample('{ app }', 'electron')],
    ['core/cli/x.ts', lazySample('electron')],
    ['core/host/x.ts', lazySample('../../renderer/app/app.tsx')],
    ['core/api/x.ts', lazySample('node:fs')],
    ['core/api/x.ts', lazySample('../host/index.ts')],
    ['renderer/x.ts', lazySample('../core/db/index.ts')],
    ['main/x.ts', lazySample('../core/projects/index.ts')],
  ])('refuses %s importing across layers', async (file, code) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Bad layering');
  });

  it('allows what the architecture allows', async () => {
    expect(await layeringErrors('renderer/x.ts', sample('{ commands }', '../core/api/index.ts'))).toEqual([]);
    expect(await layeringErrors('core/host/x.ts', sample('{ openStore }', '../db/index.ts'))).toEqual([]);
    expect(await layeringErrors('main/x.ts', sample('{ createCore }', '../core/host/index.ts'))).toEqual([]);
    expect(await layeringErrors('core/cli/x.ts', lazySample('../generation/index.ts'))).toEqual([]);
    expect(await layeringErrors('renderer/x.ts', lazySample('../core/api/index.ts'))).toEqual([]);
    expect(await layeringErrors('core/api/x.ts', lazySample('../common/app-error.ts'))).toEqual([]);
  });
});
