import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-url.ts';
import { applyContentSecurityPolicy } from './csp.ts';
import { openExternalLink } from './external-links.ts';

/**
 * The renderer may never leave the app's own page: navigations and redirects elsewhere are
 * cancelled, `window.open` never creates a window (web links go to the user's browser instead),
 * and <webview> cannot attach even if the tag were switched back on.
 */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url);
    return { action: 'deny' };
  });
}

/**
 * Dihya needs no web permission (camera, notifications, clipboard-read, USB…), so every request
 * and every check is refused, and every response gets the strict CSP.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived(applyContentSecurityPolicy);
}
