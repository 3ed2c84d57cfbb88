import { describe, expect, it } from 'vitest';
import { forgetAccessToken, takeAccessToken, type TokenEnvironment } from './access-token.ts';

function environment(hash: string, stored?: string): TokenEnvironment & { urls: string[]; store: Map<string, string> } {
  const store = new Map<string, string>(stored === undefined ? [] : [['dihya.accessToken', stored]]);
  const urls: string[] = [];
  return {
    location: { hash, pathname: '/', search: '?x=1' },
    history: { replaceState: (_data, _unused, url) => void urls.push(String(url)) },
    storage: {
      getItem: (key) => store.get(key) ?? null,
      setItem: (key, value) => void store.set(key, value),
      removeItem: (key) => void store.delete(key),
    },
    urls,
    store,
  };
}

describe('takeAccessToken', () => {
  it('takes the token from the link, keeps it for reloads and removes it from the address bar', () => {
    const env = environment('#token=abc-123_XYZ');
    expect(takeAccessToken(env)).toBe('abc-123_XYZ');
    expect(env.store.get('dihya.accessToken')).toBe('abc-123_XYZ');
    expect(env.urls).toEqual(['/?x=1']);
  });

  it('keeps the other fragment parameters', () => {
    const env = environment('#page=projects&token=t0k');
    expect(takeAccessToken(env)).toBe('t0k');
    expect(env.urls).toEqual(['/?x=1#page=projects']);
  });

  it('prefers a new link over a stored token', () => {
    const env = environment('#token=new', 'old');
    expect(takeAccessToken(env)).toBe('new');
    expect(env.store.get('dihya.accessToken')).toBe('new');
  });

  it('falls back to the stored token after a reload, without touching the URL', () => {
    const env = environment('', 'kept');
    expect(takeAccessToken(env)).toBe('kept');
    expect(env.urls).toEqual([]);
  });

  it('has no token when there is neither a link nor a stored one', () => {
    expect(takeAccessToken(environment(''))).toBeUndefined();
    expect(takeAccessToken(environment('#token='))).toBeUndefined();
  });

  it('still works when storage throws (privacy modes)', () => {
    const env = { ...environment('#token=abc'), storage: { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } } };
    expect(takeAccessToken(env)).toBe('abc');
    expect(() => forgetAccessToken(env)).not.toThrow();
  });

  it('forgets a refused token', () => {
    const env = environment('', 'stale');
    forgetAccessToken(env);
    expect(takeAccessToken(env)).toBeUndefined();
  });
});
