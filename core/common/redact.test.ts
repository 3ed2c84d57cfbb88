import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { isSecretKey, redactText, redactValue } from './redact.ts';

// Realistic shapes of each provider's credential (random, never real).
const SECRETS = {
  githubClassic: 'ghp_R4nd0mV4lu3sF0rT3st1ngOnlyAbCdEfGh1234',
  githubFine: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP',
  notionOld: 'secret_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg',
  notionNew: 'ntn_123456789012AbCdEfGhIjKlMnOpQrStUvWxYz0123456',
  stripeLive: 'sk_live_51H8xYzAbCdEfGhIjKlMnOpQr',
  stripeTest: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  stripeRestricted: 'rk_live_51H8xYzAbCdEfGhIjKlMnOpQr',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  bearer: 'Bearer Zm9vYmFyYmF6cXV4cXV1eHh5enp5MTIzNDU2Nzg5MA',
} as const;

describe('redactText', () => {
  it.each(Object.entries(SECRETS))('removes a %s credential wherever it sits in text', (_kind, secret) => {
    const bare = secret.replace(/^Bearer /, '');
    for (const text of [secret, `token was ${secret}.`, `{"x":"${secret}"}`, `failed: ${secret}\nretry`]) {
      const out = redactText(text);
      expect(out).not.toContain(bare);
      expect(out).toContain('[REDACTED');
    }
  });

  it('removes values of credential-named keys in prose, query strings and JSON, keeping JSON valid', () => {
    expect(redactText('login with password=hunter2 now')).toBe('login with password=[REDACTED] now');
    expect(redactText('https://x.test/cb?access_token=abc123&state=ok')).toBe('https://x.test/cb?access_token=[REDACTED]&state=ok');
    expect(redactText("apiKey: 'abc def'")).toBe("apiKey: '[REDACTED]'");
    const json = JSON.stringify({ user: 'a', clientSecret: 'xyz', nested: { refreshToken: 42 }, ok: true });
    const out = redactText(json);
    expect(out).not.toMatch(/xyz|42/);
    expect(JSON.parse(out)).toEqual({ user: 'a', clientSecret: '[REDACTED]', nested: { refreshToken: '[REDACTED]' }, ok: true });
    const escaped = JSON.stringify({ body: JSON.stringify({ password: 'hunter2', n: 1 }) });
    const escapedOut = redactText(escaped);
    expect(escapedOut).not.toContain('hunter2');
    expect(JSON.parse(JSON.parse(escapedOut).body)).toEqual({ password: '[REDACTED]', n: 1 });
  });

  it('removes Authorization headers whatever the scheme, and credentials in URLs', () => {
    expect(redactText('Authorization: Basic dXNlcjpwYXNz')).toBe('Authorization: [REDACTED]');
    expect(redactText('authorization=Token abc')).toBe('authorization=[REDACTED]');
    expect(redactText('git clone https://jane:s3cret@git.example.org/r.git')).toBe('git clone https://[REDACTED]@git.example.org/r.git');
    expect(redactText('-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----')).toBe('[REDACTED:private-key]');
  });

  it('masks e-mail addresses and phone numbers in full mode only', () => {
    const text = 'Contact jane.doe@example.fr or +33 6 12 34 56 78, (555) 123-4567, 06.12.34.56.78, 555-123-4567.';
    const out = redactText(text);
    expect(out).toBe('Contact j***@e***.fr or +** * ** ** ** 78, (***) ***-**67, **.**.**.**.78, ***-***-**67.');
    expect(redactText(text, 'secrets')).toBe(text);
    expect(redactText(out)).toBe(out);
  });

  it('leaves what Dihya writes itself alone: hashes, UUIDs, times, versions, counts, prose', () => {
    const ours = [
      '0'.repeat(64),
      'a3f1c9e0b7d2486f9e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70',
      '00000000-0000-4000-8000-000000000001',
      '2026-01-01T00:00:00.000Z',
      'version 0.1.0 on 127.0.0.1:4870',
      'took 0.123456789 s for 12345678 rows',
      'Bearer tokens are described in RFC 6750; basic information follows.',
      'The author wrote 3 tokens.',
    ];
    for (const text of ours) expect(redactText(text)).toBe(text);
  });
});

describe('redactValue', () => {
  it('drops values under credential keys whatever their type, and redacts nested strings and keys', () => {
    const input = {
      headers: { Authorization: 'Bearer x', 'x-api-key': ['a', 'b'], accept: 'json' },
      password: 1234,
      apiKey: { v: 1 },
      enabled: true,
      tokenRequired: false,
      note: `mail jane@example.com with ${SECRETS.githubClassic}`,
      'bob@example.com': 'owner',
    };
    expect(redactValue(input)).toEqual({
      headers: { Authorization: '[REDACTED]', 'x-api-key': '[REDACTED]', accept: 'json' },
      password: '[REDACTED]',
      apiKey: '[REDACTED]',
      enabled: true,
      tokenRequired: false,
      note: 'mail j***@e***.com with [REDACTED:github]',
      'b***@e***.com': 'owner',
    });
    expect(input.password).toBe(1234);
  });

  it('redacts Error messages and stacks', () => {
    const out = redactValue({ err: new Error(`failed for ${SECRETS.stripeLive}`) }) as { err: { message: string; stack: string } };
    expect(out.err.message).toBe('failed for [REDACTED:stripe]');
    expect(out.err.stack).not.toContain(SECRETS.stripeLive);
  });

  it.each([
    ['apiKey', true], ['GITHUB_TOKEN', true], ['x-session-id', true], ['client_secret', true], ['authorization', true], ['privateKey', true],
    ['author', false], ['tokens', false], ['key', false], ['name', false], ['description', false],
  ])('isSecretKey(%s) is %s', (key, expected) => {
    expect(isSecretKey(key)).toBe(expected);
  });
});

describe('AppError serialisation', () => {
  it('redacts message and details in the one form every transport sends', () => {
    const error = new AppError('CONFLICT', `Push refused for jane@example.com with ${SECRETS.githubFine}`, { token: SECRETS.githubFine, url: 'https://u:p@h.test/' });
    const json = JSON.stringify(error.toJSON());
    expect(json).not.toContain(SECRETS.githubFine);
    expect(json).not.toContain('jane@example.com');
    expect(error.toJSON()).toEqual({ code: 'CONFLICT', message: 'Push refused for j***@e***.com with [REDACTED:github]', details: { token: '[REDACTED]', url: 'https://[REDACTED]@h.test/' } });
  });
});
