/** What the token needs of Web Storage; declared here so this module type-checks without the DOM lib. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The slice of `window` the token handling needs, so it can be tested under Node. */
export interface TokenEnvironment {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  /** sessionStorage; undefined when the browser refuses storage (some privacy modes throw). */
  storage: KeyValueStorage | undefined;
}

const STORAGE_KEY = 'dihya.accessToken';

/**
 * `dihya serve` opens the UI as `/#token=…`. The fragment never reaches a server, a proxy log or a
 * Referer header; we move the token into sessionStorage (so a reload keeps working in this tab
 * only) and take it out of the address bar, where it would otherwise end up in bookmarks,
 * screenshots and shared links.
 */
export function takeAccessToken(env: TokenEnvironment): string | undefined {
  const fragment = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromLink = fragment.get('token')?.trim();
  if (fromLink) {
    fragment.delete('token');
    const rest = fragment.toString();
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`);
    safely(() => env.storage?.setItem(STORAGE_KEY, fromLink));
    return fromLink;
  }
  return safely(() => env.storage?.getItem(STORAGE_KEY)) || undefined;
}

/** Called when the server refuses the token, so a reload shows the explanation instead of failing again. */
export function forgetAccessToken(env: Pick<TokenEnvironment, 'storage'>): void {
  safely(() => env.storage?.removeItem(STORAGE_KEY));
}

function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}
