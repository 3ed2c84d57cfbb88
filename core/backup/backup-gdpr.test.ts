import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../test-support/temp-core.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function core() {
  const env = await tempCore();
  cleanups.push(env.dispose);
  return env.core;
}

describe('backups in the GDPR picture', () => {
  it('an in-place restore applies again an erasure made after the backup was taken', async () => {
    const c = await core();
    const secret = await c.dispatch('projects.create', { name: 'Dossier Benali' });
    await c.dispatch('projects.create', { name: 'Public site' });
    const { backup } = await c.dispatch('backup.create', {});
    await c.dispatch('gdpr.erase', { target: { scope: 'project', projectId: secret.id }, confirm: true });

    await c.dispatch('backup.restore', { file: backup.id, confirm: true });
    expect((await c.dispatch('projects.list', {})).items.map((p) => p.name)).toEqual(['Public site']);
    expect((await c.dispatch('audit.verify', {})).ok).toBe(true);
  });

  it('an erasure reports the backups as copies that still hold the data, and leaves them sealed', async () => {
    const c = await core();
    const project = await c.dispatch('projects.create', { name: 'Cabinet Haddad' });
    const { backup } = await c.dispatch('backup.create', {});
    const plan = await c.dispatch('gdpr.erasurePlan', { target: { scope: 'project', projectId: project.id } });
    expect(JSON.stringify(plan)).toContain('1 backup, the newest from');
    await c.dispatch('gdpr.erase', { target: { scope: 'project', projectId: project.id }, confirm: true });
    await expect(c.dispatch('backup.verify', { file: backup.id })).resolves.toMatchObject({ ok: true });
  });

  it('the Privacy rule on backups runs with the retention job, and never deletes the newest verified backup', async () => {
    const c = await core();
    const first = (await c.dispatch('backup.create', {})).backup;
    const second = (await c.dispatch('backup.create', {})).backup;
    await c.dispatch('gdpr.retention.set', { backupDays: 1 });
    // Today both are younger than a day: the job applies the rule and deletes nothing.
    expect((await c.dispatch('gdpr.retention.run', {})).backups).toMatchObject({ applied: true, deleted: 0 });
    // Three days on, both are too old; the newest verified one stays all the same.
    const expired = await c.services.backups.expire(1, new Date(Date.now() + 3 * 86_400_000));
    expect(expired.map((b) => b.id)).toEqual([first.id]);
    expect((await c.dispatch('backup.list', {})).items.map((b) => b.id)).toEqual([second.id]);
  });
});
