import { expect, test } from './fixtures/dihya-server.ts';

test.describe('backups', () => {
  test('restores a backup from the UI: a project deleted after the backup is back', async ({ page, dihya }) => {
    await dihya.call('projects.create', { name: 'Atelier Nour' });
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Backups' }).click();
    await expect(page.getByRole('heading', { name: 'No backups yet' })).toBeVisible();

    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('button', { name: 'Create backup' }).click();
    await expect(page.getByText('Backup made and verified:')).toBeVisible();
    const rows = page.getByRole('table', { name: 'Backups, newest first' }).getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('Manual');
    await expect(rows.nth(1)).toContainText('Verified when made');
    await expect(rows.nth(1)).toContainText('No');

    // Verify proves it restores.
    await rows.nth(1).getByRole('button', { name: /^Verify the backup of/ }).click();
    await expect(page.getByText(/restores: \d+ files checked, database intact/)).toBeVisible();

    // After the backup: one project deleted, another created (elsewhere, as the CLI would).
    const listed = (await dihya.call('projects.list', {})) as { items: { id: string }[] };
    await dihya.call('projects.delete', { id: listed.items[0]?.id });
    await dihya.call('projects.create', { name: 'Librairie Tassili' });

    await rows.nth(1).getByRole('button', { name: /^Restore the backup of/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Restore the backup of/ });
    await expect(dialog).toContainText(`Everything in this Dihya’s data folder (${dihya.dataDir}) will be replaced`);
    await expect(dialog).toContainText('Now: 1 projects');
    await expect(dialog).toContainText(/After: the state of .*: 1 projects/);
    await expect(dialog.getByRole('button', { name: 'Keep the current data' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Replace with this backup' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(/Restored the state of .*safety backup/)).toBeVisible();
    // The safety backup of the state before is listed too.
    await expect(page.getByRole('table', { name: 'Backups, newest first' }).getByRole('row').filter({ hasText: 'Safety' })).toHaveCount(1);

    await page.getByRole('button', { name: 'Projects' }).click();
    await expect(page.getByRole('row', { name: /Atelier Nour/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Librairie Tassili/ })).toHaveCount(0);
  });

  test('an encrypted backup asks for its passphrase before it can be read', async ({ page, dihya }) => {
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByLabel('Passphrase (optional)').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create backup' }).click();
    const row = page.getByRole('table', { name: 'Backups, newest first' }).getByRole('row').nth(1);
    await expect(row).toContainText('Encrypted');

    await row.getByRole('button', { name: /^Restore the backup of/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Restore the backup of/ });
    await dialog.getByLabel('Passphrase').fill('not the passphrase');
    await dialog.getByRole('button', { name: 'Open backup' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The passphrase is not correct.');
    await dialog.getByLabel('Passphrase').fill('correct horse battery');
    await dialog.getByRole('button', { name: 'Open backup' }).click();
    await expect(dialog).toContainText('After: the state of');
    await dialog.getByRole('button', { name: 'Keep the current data' }).click();
    await expect(dialog).toHaveCount(0);
  });
});

test.describe('schedule', () => {
  test('shows jobs with their next run, edits a schedule with a preview, pauses and runs a job', async ({ page, dihya }) => {
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Schedule' }).click();
    const nightly = page.getByRole('row', { name: /Nightly backup/ });
    await expect(nightly).toContainText('At 03:00');
    await expect(nightly).toContainText('Not run yet');

    await nightly.getByRole('button', { name: 'Edit the schedule of “Nightly backup”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule of “Nightly backup”' });
    await dialog.getByLabel('When (cron expression)').fill('not a schedule');
    await expect(dialog.getByRole('alert')).toBeVisible();
    await dialog.getByLabel('When (cron expression)').fill('30 2 * * 1-5');
    await expect(dialog).toContainText('At 02:30, Monday through Friday');
    await expect(dialog.getByRole('listitem')).toHaveCount(3);
    await dialog.getByRole('button', { name: 'Save schedule' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Schedule of “Nightly backup” saved.')).toBeVisible();
    await expect(nightly).toContainText('At 02:30, Monday through Friday');

    // Paused: no next run.
    await nightly.getByRole('switch', { name: 'Nightly backup runs on schedule' }).uncheck();
    await expect(nightly).toContainText('Disabled');
    await nightly.getByRole('switch', { name: 'Nightly backup runs on schedule' }).check();
    await expect(nightly).not.toContainText('Disabled');

    // Run now: the outcome reaches the row, the recent runs and (this job notifies all outcomes) the notification centre.
    const jobs = (await dihya.call('jobs.list', {})) as { items: { id: string; name: string }[] };
    await dihya.call('jobs.update', { id: jobs.items.find((j) => j.name === 'Nightly backup')?.id, notify: 'all' });
    await nightly.getByRole('button', { name: 'Run “Nightly backup” now' }).click();
    await expect(nightly).toContainText('Succeeded');
    await expect(page.getByRole('region', { name: 'Recent runs' })).toContainText('run by hand');
    const bell = page.getByRole('button', { name: /^Notifications, 1 unread$/ });
    await bell.click();
    const centre = page.getByRole('region', { name: 'Notifications' });
    await expect(centre).toContainText('Nightly backup');
    await centre.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
  });

  test('reads schedules in French', async ({ page, dihya }) => {
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Interface language').selectOption('fr');
    await page.getByRole('button', { name: 'Planification' }).click();
    await expect(page.getByRole('row', { name: /Nightly backup/ })).toContainText('03:00');
    await expect(page.getByRole('row', { name: /Nightly backup/ })).not.toContainText('At 03:00');
  });
});
