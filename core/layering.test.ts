import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './test-support/run-bin.ts';

/** The dependency rule of STYLE.md is enforced by lint; these cases show the rule really bites. */
const eslint = new ESLint({ cwd: REPO_ROOT });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint', () => {
  it.each([
    ['core/host/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['core/projects/x.ts', "import React from 'react';\nexport const a = React;\n"],
    ['core/host/x.ts', "import { w } from '../../main/window.ts';\nexport const a = w;\n"],
    ['core/api/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['core/api/x.ts', "import { openStore } from '../db/index.ts';\nexport const a = openStore;\n"],
    ['renderer/x.ts', "import { createCore } from '../core/host/index.ts';\nexport const a = createCore;\n"],
    ['renderer/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
    ['preload/x.ts', "import { openStore } from '../core/db/index.ts';\nexport const a = openStore;\n"],
  ])('refuses %s importing across layers', async (file, code) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Bad layering');
  });

  it('allows what the architecture allows', async () => {
    expect(await layeringErrors('renderer/x.ts', "import { commands } from '../core/api/index.ts';\nexport const a = commands;\n")).toEqual([]);
    expect(await layeringErrors('core/host/x.ts', "import { openStore } from '../db/index.ts';\nexport const a = openStore;\n")).toEqual([]);
    expect(await layeringErrors('main/x.ts', "import { createCore } from '../core/host/index.ts';\nexport const a = createCore;\n")).toEqual([]);
  });
});
