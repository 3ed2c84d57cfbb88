import { describe, expect, it } from 'vitest';
import { buildTree } from './file-tree.ts';

describe('buildTree', () => {
  it('nests files in their folders, folders first and sorted', () => {
    const tree = buildTree(['src/server/app.ts', 'README.md', 'src/index.ts', 'package.json', 'src/client/main.tsx']);
    expect(tree.files.map((f) => f.name)).toEqual(['package.json', 'README.md']);
    expect(tree.folders.map((f) => f.path)).toEqual(['src']);
    const src = tree.folders[0];
    expect(src?.folders.map((f) => f.path)).toEqual(['src/client', 'src/server']);
    expect(src?.files).toEqual([{ name: 'index.ts', path: 'src/index.ts' }]);
    expect(src?.folders[1]?.files).toEqual([{ name: 'app.ts', path: 'src/server/app.ts' }]);
  });
});
