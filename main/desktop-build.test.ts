import { builtinModules } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { commandNames } from '../core/api/index.ts';
import mainConfig, { isExternal } from './vite.config.ts';

/**
 * Builds main and preload with their real vite configs (into temp folders, not dist-electron)
 * and checks what Electron will actually load: an ESM main that leaves electron, built-ins and
 * runtime dependencies as imports, and a preload that survives Electron's sandbox.
 */
const root = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'dihya-desktop-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function buildWith(configFile: string, outDir: string): Promise<void> {
  await build({ configFile: resolve(root, configFile), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
}

describe('the main bundle', () => {
  let code: string;
  beforeAll(async () => {
    await buildWith('main/vite.config.ts', join(out, 'main'));
    code = readFileSync(join(out, 'main', 'index.js'), 'utf8');
  });

  it('is one ES module, index.js', () => {
    expect(readdirSync(join(out, 'main')).filter((f) => !f.endsWith('.map'))).toEqual(['index.js']);
    // Bundled CommonJS code may require Node built-ins through the ESM shim; nothing else.
    const required = [...code.matchAll(/__require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
    expect(required.filter((id) => !isExternal(id) || !(id.startsWith('node:') || builtinModules.includes(id)))).toEqual([]);
  });

  it('imports only electron, node built-ins and runtime dependencies', () => {
    const specifiers = [...code.matchAll(/^import\s[^'"]*?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    expect(specifiers).toContain('electron');
    expect(specifiers).toContain('better-sqlite3');
    expect(specifiers.filter((s) => !isExternal(s))).toEqual([]);
  });

  it('still finds package.json the way core/host/version.ts expects', () => {
    expect(code).toContain('new URL("../../package.json", import.meta.url)');
    // From dist-electron/main/index.js (or app.asar/dist-electron/main/index.js), ../../ is the app root.
    expect(resolve(mainConfig.build!.outDir!, '../../package.json')).toBe(join(root, 'package.json'));
  });
});

describe('the preload bundle', () => {
  let code: string;
  beforeAll(async () => {
    await buildWith('preload/vite.config.ts', join(out, 'preload'));
    code = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
  });

  it('is CommonJS that requires nothing but electron', () => {
    expect(readdirSync(join(out, 'preload')).filter((f) => !f.endsWith('.map'))).toEqual(['index.cjs']);
    expect([...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('runs in a sandbox-like context and exposes only window.dihya', async () => {
    // What a sandboxed preload gets: web globals, `require` for electron alone, no process or Buffer.
    const exposed: Record<string, unknown> = {};
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (channel: string) => {
          invoked.push(channel);
          return { ok: true, value: null };
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    };
    const module = { exports: {} };
    const globals = { console, URL, TextEncoder, TextDecoder, setTimeout, clearTimeout, queueMicrotask, structuredClone };
    const wrapper = runInNewContext(`(function (require, module, exports) {\n${code}\n})`, globals, { filename: 'index.cjs' }) as (...args: unknown[]) => void;
    wrapper(sandboxRequire, module, module.exports);

    expect(Object.keys(exposed)).toEqual(['dihya']);
    const bridge = exposed.dihya as { invoke(command: string, input: unknown): Promise<unknown> };
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    await bridge.invoke(commandNames[0]!, {});
    expect(await bridge.invoke('not.a.command', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(invoked).toEqual([`dihya:${commandNames[0]}`]);
  });
});
