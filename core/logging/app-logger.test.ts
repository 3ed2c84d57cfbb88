import { readFileSync, statSync, utimesSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-core.ts';
import { createAppLog, type AppLog } from './app-logger.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function appLog(options: { maxBytes?: number; maxFiles?: number } = {}): AppLog {
  const dir = tempDir('dihya-log-');
  const log = createAppLog({ dataDir: dir.path, ...options });
  cleanups.push(() => dir.remove(), () => log.dispose());
  return log;
}

const allText = (log: AppLog) => log.file.files().map((file) => readFileSync(file, 'utf8')).join('');
const GITHUB = 'ghp_R4nd0mV4lu3sF0rT3st1ngOnlyAbCdEfGh1234';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbWVsQGV4YW1wbGUuZHoifQ.c2lnbmF0dXJlLXZhbHVlLWhlcmU';

describe('the application log', () => {
  it('writes JSON lines with no credential, e-mail or phone number, whichever way they arrive', () => {
    const log = appLog();
    const child = log.logger.child({ requestToken: GITHUB, user: 'amel@example.dz' });
    child.info({ headers: { authorization: `Bearer ${JWT}` }, nested: { password: 'hunter2', note: 'call 06 12 34 56 78' } }, `pushing with ${GITHUB}`);
    log.logger.error({ err: new Error(`remote said: invalid key sk_live_51H8xYzAbCdEfGhIjKlMnOpQr for amel@example.dz`) }, 'publish failed');
    log.logger.warn(`token=${JWT} rejected`);
    const text = allText(log);
    for (const secret of [GITHUB, JWT, 'hunter2', 'sk_live_51H8xYzAbCdEfGhIjKlMnOpQr', 'amel@example.dz', '06 12 34 56 78']) expect(text).not.toContain(secret);
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'pushing with [REDACTED:github]', requestToken: '[REDACTED]', user: 'a***@e***.dz', nested: { password: '[REDACTED]', note: 'call ** ** ** ** 78' } });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'publish failed', err: { message: expect.stringContaining('[REDACTED:stripe] for a***@e***.dz') } });
    expect(lines[0]).not.toHaveProperty('hostname');
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const log = appLog({ maxBytes: 2_000, maxFiles: 3 });
    for (let i = 0; i < 200; i += 1) log.logger.info({ i }, 'a line of about a hundred bytes, repeated to make the file rotate');
    const files = log.file.files();
    expect(files).toHaveLength(4); // the current file and 3 rotated ones
    for (const file of files) expect(statSync(file).size).toBeLessThanOrEqual(2_000);
    const last = readFileSync(log.file.currentPath, 'utf8').trim().split('\n').at(-1) as string;
    expect(JSON.parse(last)).toMatchObject({ i: 199 });
  });

  it('deletes rotated files older than the retention cutoff, never the current one', () => {
    const log = appLog({ maxBytes: 500 });
    for (let i = 0; i < 30; i += 1) log.logger.info({ i }, 'filling');
    const rotated = log.file.rotatedFiles();
    expect(rotated.length).toBeGreaterThan(2);
    const old = new Date('2020-01-01T00:00:00Z');
    for (const file of rotated.slice(1)) utimesSync(file, old, old);
    expect(log.file.pruneOlderThan(new Date('2021-01-01T00:00:00Z'))).toBe(rotated.length - 1);
    expect(log.file.rotatedFiles()).toEqual(rotated.slice(0, 1));
    log.logger.info('still writing');
    expect(readFileSync(log.file.currentPath, 'utf8')).toContain('still writing');
  });

  it('scrubs lines that mention an erased item, or everything, and keeps logging afterwards', () => {
    const log = appLog({ maxBytes: 400 });
    for (let i = 0; i < 20; i += 1) log.logger.info({ project: i % 2 === 0 ? 'Atelier Nour' : 'Café du Port' }, 'changed');
    expect(log.file.scrub((line) => !line.includes('Atelier Nour'))).toBe(10);
    expect(allText(log)).not.toContain('Atelier Nour');
    expect(allText(log).match(/Café du Port/g)).toHaveLength(10);
    log.file.scrub();
    expect(allText(log)).toBe('');
    log.logger.info('after');
    expect(allText(log)).toContain('after');
  });
});
