/**
 * True when `url` shows the app's own page, whatever its `#route` or `?query`. The renderer is one
 * file:// document, so any other URL (another file, http(s), data:, about:blank) is foreign.
 * Paths are compared decoded, and without case on Windows, because Chromium and Node may spell
 * the same file differently there (`%20` vs space, `C:` vs `c:`).
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parse(url);
  const app = parse(appUrl);
  if (!candidate || !app) return false;
  return (
    candidate.protocol === 'file:' &&
    app.protocol === 'file:' &&
    candidate.host === app.host &&
    normalisePath(candidate.pathname) === normalisePath(app.pathname)
  );
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function normalisePath(pathname: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = pathname;
  }
  return process.platform === 'win32' ? decoded.toLowerCase() : decoded;
}
