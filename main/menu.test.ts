import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu.ts';

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]).filter(Boolean) as string[];
}

describe('buildMenuTemplate', () => {
  it('keeps reload and DevTools out of packaged builds', () => {
    expect(roles(buildMenuTemplate({ appName: 'Dihya', isMac: false, isPackaged: true }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ appName: 'Dihya', isMac: false, isPackaged: true }))).not.toContain('reload');
    expect(roles(buildMenuTemplate({ appName: 'Dihya', isMac: false, isPackaged: false }))).toContain('toggleDevTools');
  });

  it('follows each platform: an app menu on macOS, Quit under File elsewhere', () => {
    const mac = buildMenuTemplate({ appName: 'Dihya', isMac: true, isPackaged: true });
    expect(mac[0]?.label).toBe('Dihya');
    expect(roles(mac)).toEqual(expect.arrayContaining(['about', 'quit', 'copy', 'paste']));
    const other = buildMenuTemplate({ appName: 'Dihya', isMac: false, isPackaged: true });
    expect(other[0]?.label).toBe('File');
    expect(roles(other)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste']));
  });
});
