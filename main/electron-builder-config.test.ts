import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PRELOAD_BUNDLE, RENDERER_ENTRY } from './app-paths.ts';
import mainViteConfig from './vite.config.ts';

const root = resolve(import.meta.dirname, '..');
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  directories: { output: string };
  linux: { target: string[]; category?: string; maintainer?: string };
  mac: { target: string };
  win: { target: string };
  nsis: { oneClick: boolean; allowToChangeInstallationDirectory: boolean };
};
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };

/** A minimal glob test for the patterns used in `files` (`dir/**`, plain paths). */
function covered(path: string): boolean {
  return config.files.some((pattern) => pattern === path || (pattern.endsWith('/**') && path.startsWith(pattern.slice(0, -2))));
}

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder', async () => {
    // electron-builder's own validator (the one `electron-builder --config` runs), not a copy of its rules.
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(structuredClone(config), { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('names the app and builds AppImage, deb, dmg and an NSIS installer with a choice of folder', () => {
    expect(config).toMatchObject({ appId: 'org.dihya.app', productName: 'Dihya', directories: { output: 'release' } });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBeTruthy();
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
  });

  it('ships the entry point vite emits, the preload, the renderer and what the core reads at run time', () => {
    const build = mainViteConfig.build!;
    const output = build.rolldownOptions!.output as { entryFileNames: string };
    const emitted = relative(root, resolve(build.outDir!, output.entryFileNames)).replaceAll('\\', '/');
    expect(emitted).toBe(pkg.main);
    expect(pkg.main).toBe('dist-electron/main/index.js');
    for (const path of [pkg.main, PRELOAD_BUNDLE, RENDERER_ENTRY, 'package.json', 'templates/x/manifest.json', 'plugins/x/manifest.json']) {
      expect(covered(path), path).toBe(true);
    }
  });

  it('unpacks the better-sqlite3 binary, which the main bundle leaves external', () => {
    expect(pkg.dependencies).toHaveProperty('better-sqlite3');
    expect(config.asarUnpack.some((pattern) => pattern.includes('better-sqlite3') && pattern.endsWith('.node'))).toBe(true);
  });
});
