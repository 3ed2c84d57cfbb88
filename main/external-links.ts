import { shell } from 'electron';

const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'http:']);
const MAX_URL_LENGTH = 2_048;

/**
 * Only plain web links may leave the app. `shell.openExternal` hands a URL to the OS, which will
 * happily run `file:`, `smb:` or custom-scheme handlers, so everything else is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return EXTERNAL_PROTOCOLS.has(parsed.protocol) && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** Opens a web link in the user's browser; returns false (and opens nothing) for anything else. */
export function openExternalLink(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  // The re-serialised href, not the raw string, so the OS sees exactly what was validated.
  const href = new URL(url).href;
  shell.openExternal(href).catch((error: unknown) => console.error('[dihya] could not open an external link:', error)); // eng-disable OPEN_EXTERNAL_JS_CHECK -- reviewed: only http(s) URLs that passed isSafeExternalUrl reach here
  return true;
}
