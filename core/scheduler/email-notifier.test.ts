import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, type SecretStore } from '../common/index.ts';
import { createCore, type Core } from '../host/index.ts';
import { tempDir } from '../test-support/temp-core.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
  user: string | undefined;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real SMTP server on loopback that keeps what it receives; with `credentials`, it requires AUTH. */
async function smtpServer(credentials?: { user: string; pass: string }): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: credentials === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials?.user && auth.password === credentials?.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, user: session.user as string | undefined });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  let closed = false;
  const close = () =>
    closed
      ? Promise.resolve()
      : new Promise<void>((resolve) =>
          server.close(() => {
            closed = true;
            resolve();
          }),
        );
  cleanups.push(close);
  return { port, received, close };
}

async function coreWith(secrets?: SecretStore): Promise<Core> {
  const dir = tempDir('dihya-mail-');
  cleanups.push(() => dir.remove());
  const core = await createCore({ dataDir: dir.path, mode: 'test' }, secrets ? { secrets } : {});
  cleanups.push(() => core.dispose());
  core.services.jobKinds.registerJobKind({
    kind: 'test.failing',
    title: 'Failing',
    description: 'Always fails.',
    defaultCron: '0 3 * * *',
    optionsSchema: z.object({}),
    run: async () => {
      throw new AppError('DISK_FULL', 'The backup disk is full.');
    },
  });
  return core;
}

const emailOn = (port: number, extra: Record<string, unknown> = {}) => ({ email: { enabled: true, host: '127.0.0.1', port, secure: false, from: 'dihya@example.test', to: 'owner@example.test', ...extra } });

describe('e-mail of failed jobs (nodemailer against a real SMTP server on loopback)', () => {
  it('sends a test message and a failure report; the settings never return a password', async () => {
    const smtp = await smtpServer();
    const core = await coreWith();
    const settings = await core.dispatch('notifications.settings.set', emailOn(smtp.port));
    expect(settings).toEqual({ email: { enabled: true, host: '127.0.0.1', port: smtp.port, secure: false, from: 'dihya@example.test', to: 'owner@example.test', username: null, hasPassword: false }, canStoreSecrets: false });

    expect(await core.dispatch('notifications.email.test', {})).toEqual({ sent: true, to: 'owner@example.test' });
    const job = await core.dispatch('jobs.create', { kind: 'test.failing', name: 'Nightly backup' });
    await core.dispatch('jobs.run', { id: job.id, wait: true });
    await core.services.scheduler.whenIdle();

    expect(smtp.received.map((m) => [m.from, m.to])).toEqual([
      ['dihya@example.test', ['owner@example.test']],
      ['dihya@example.test', ['owner@example.test']],
    ]);
    expect(smtp.received[0]?.raw).toContain('Subject: [Dihya] Test message');
    expect(smtp.received[1]?.raw).toContain('Subject: [Dihya] Nightly backup: failed');
    expect(smtp.received[1]?.raw).toContain('The backup disk is full. [DISK_FULL]');
  });

  it('logs in with the password from the secret store, which a headless node cannot store', async () => {
    const smtp = await smtpServer({ user: 'dihya', pass: 's3cret-smtp' });
    const values = new Map<string, string>();
    const core = await coreWith({ persistent: true, get: async (k) => values.get(k), set: async (k, v) => void values.set(k, v), delete: async (k) => void values.delete(k) });
    const settings = await core.dispatch('notifications.settings.set', emailOn(smtp.port, { username: 'dihya', password: 's3cret-smtp' }));
    expect(settings.email.hasPassword).toBe(true);
    expect(JSON.stringify(settings)).not.toContain('s3cret-smtp');
    await core.dispatch('notifications.email.test', {});
    expect(smtp.received.map((m) => m.user)).toEqual(['dihya']);
    expect(core.store.sqlite.prepare("select count(*) from settings where value_json like '%s3cret%'").pluck().get()).toBe(0);

    const headless = await coreWith();
    await expect(headless.dispatch('notifications.settings.set', emailOn(smtp.port, { password: 'x' }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('an unreachable server never fails the job twice: the centre says the e-mail was not sent', async () => {
    const smtp = await smtpServer();
    const core = await coreWith();
    await core.dispatch('notifications.settings.set', emailOn(smtp.port));
    await smtp.close();
    await expect(core.dispatch('notifications.email.test', {})).rejects.toMatchObject({ code: 'REMOTE_FAILED', message: expect.stringContaining(`127.0.0.1:${smtp.port}`) });
    const job = await core.dispatch('jobs.create', { kind: 'test.failing' });
    const run = await core.dispatch('jobs.run', { id: job.id, wait: true });
    await core.services.scheduler.whenIdle();
    expect(run.error?.code).toBe('DISK_FULL');
    expect((await core.dispatch('notifications.list', {})).items.map((n) => [n.level, n.title])).toEqual([
      ['warning', 'E-mail notification not sent'],
      ['error', 'Failing: failed'],
    ]);
  });
});
