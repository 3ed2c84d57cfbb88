import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './test-support/fake-electron.ts';
import { FakeWebContents } from './test-support/fake-web-contents.ts';
import { isAppUrl } from './app-url.ts';
import { isSafeExternalUrl } from './external-links.ts';
import { hardenSession, hardenWebContents } from './security.ts';
import type { Session, WebContents } from 'electron';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

const APP_URL = 'file:///opt/Dihya/resources/app.asar/renderer/dist/index.html';

describe('isAppUrl', () => {
  it('accepts the app page with any route, and nothing else', () => {
    expect(isAppUrl(APP_URL, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}#/projects/42`, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}?lang=ar`, APP_URL)).toBe(true);
    for (const url of [
      'file:///opt/Dihya/resources/app.asar/renderer/dist/other.html',
      'file:///etc/passwd',
      'file://evil-host/opt/Dihya/resources/app.asar/renderer/dist/index.html',
      'https://example.org/',
      'http://localhost:5173/',
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
    ]) {
      expect(isAppUrl(url, APP_URL), url).toBe(false);
    }
  });
});

describe('isSafeExternalUrl', () => {
  it('lets only plain http(s) links leave the app', () => {
    expect(isSafeExternalUrl('https://dihya.org/docs')).toBe(true);
    expect(isSafeExternalUrl('http://example.org')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'vscode://x', 'https://user:pw@example.org', 'mailto:a@b.c', 'https://', 'x'.repeat(10), `https://e.org/${'a'.repeat(3000)}`]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('hardenWebContents', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    fakeElectron.reset();
    contents = new FakeWebContents(APP_URL);
    hardenWebContents(contents as unknown as WebContents, APP_URL);
  });

  it('cancels every navigation away from the app page', () => {
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'data:text/html,hi', 'javascript:alert(1)', 'about:blank']) {
      expect(contents.navigate(url).prevented, url).toBe(true);
    }
    expect(contents.getURL()).toBe(APP_URL);
    expect(contents.navigate(`${APP_URL}#/settings`).prevented).toBe(false);
  });

  it('cancels redirects away from the app page', () => {
    expect(contents.navigate('https://example.org/', 'will-redirect').prevented).toBe(true);
    expect(contents.navigate(APP_URL, 'will-redirect').prevented).toBe(false);
  });

  it('never opens a window; web links go to the browser, anything else nowhere', () => {
    expect(contents.openWindow('https://dihya.org/help')).toEqual({ action: 'deny' });
    expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.openWindow(APP_URL)).toEqual({ action: 'deny' });
    expect(fakeElectron.openedExternally).toEqual(['https://dihya.org/help']);
  });

  it('refuses to attach a <webview>', () => {
    expect(contents.attachWebview().prevented).toBe(true);
  });
});

describe('hardenSession', () => {
  beforeEach(() => {
    fakeElectron.reset();
    hardenSession(fakeElectron.session as unknown as Session);
  });

  it('refuses every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'unknown']) {
      expect(fakeElectron.session.requestPermission(permission), permission).toBe(false);
      expect(fakeElectron.session.permissionCheckHandler?.(null, permission, 'file://', {}), permission).toBe(false);
    }
    expect(fakeElectron.session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('puts the strict Content-Security-Policy on every response, replacing any other', () => {
    const headers = fakeElectron.session.receiveHeaders('file:///app/index.html', {
      'content-type': ['text/html'],
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'Content-Security-Policy-Report-Only': ['default-src *'],
    });
    expect(headers?.['content-type']).toEqual(['text/html']);
    const policies = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase().startsWith('content-security-policy'));
    expect(policies).toHaveLength(1);
    const directives = new Map((policies[0]?.[1][0] ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });
});
