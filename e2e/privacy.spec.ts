import { readFile, stat } from 'node:fs/promises';
import { expect, test } from './fixtures/dihya-server.ts';

test.describe('privacy', () => {
  test('shows the audit chain as intact, filters the log and exports the data', async ({ page, dihya }) => {
    await dihya.call('projects.create', { name: 'Atelier Nour' });
    await dihya.call('projects.create', { name: 'Librairie Tassili' });
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Privacy' }).click();

    const chain = page.getByRole('region', { name: 'Audit log integrity' });
    await expect(chain.getByRole('status')).toContainText('The chain holds');
    await expect(chain).toContainText('recorded head: matches');

    const log = page.getByRole('region', { name: 'Audit log' });
    await expect(log.getByRole('row', { name: /project\.create/ })).toHaveCount(2);
    await log.getByLabel('Search the audit log').fill('Tassili');
    await expect(log.getByRole('row', { name: /project\.create/ })).toHaveCount(1);
    await expect(log.getByRole('row', { name: /project\.create/ })).toContainText('Librairie Tassili');
    await log.getByLabel('Search the audit log').fill('');
    await log.getByRole('combobox', { name: 'Action' }).selectOption('job.create');
    await expect(log.getByRole('row', { name: /project\.create/ })).toHaveCount(0);
    await expect(log.getByRole('row', { name: /job\.create/ }).first()).toBeVisible();

    const exportCard = page.getByRole('region', { name: 'Export your data' });
    await exportCard.getByRole('button', { name: 'Export my data' }).click();
    await expect(exportCard.getByRole('status')).toContainText(/Export ready: \d+ files/, { timeout: 60_000 });
    const path = (await exportCard.getByTestId('export-path').textContent()) ?? '';
    expect(path.startsWith(dihya.dataDir)).toBe(true);
    expect(path.endsWith('.zip')).toBe(true);
    expect((await stat(path)).size).toBeGreaterThan(0);
    await expect(exportCard).toContainText('projects (2)');

    // In serve mode the browser may be on another machine: the zip downloads, the same bytes.
    const downloading = page.waitForEvent('download');
    await exportCard.getByRole('button', { name: 'Download the zip' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(path.split('/').at(-1));
    expect(Buffer.compare(await readFile(await download.path()), await readFile(path))).toBe(0);

    // The export itself is audited, and the chain still holds.
    await chain.getByRole('button', { name: 'Verify again' }).click();
    await expect(chain.getByRole('status')).toContainText('The chain holds');
    await log.getByRole('combobox', { name: 'Action' }).selectOption('');
    await expect(log.getByRole('row', { name: /gdpr\.export/ })).toHaveCount(1);
  });

  test('erases a project after a confirmation naming what will be deleted; the chain still holds', async ({ page, dihya }) => {
    await dihya.call('projects.create', { name: 'Cabinet Amrani' });
    await dihya.call('projects.create', { name: 'Librairie Tassili' });
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Privacy' }).click();
    const erase = page.getByRole('region', { name: 'Erase' });
    await erase.getByLabel('What to erase').selectOption({ label: 'Project “Cabinet Amrani”' });
    await erase.getByRole('button', { name: 'Erase…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Erase the project “Cabinet Amrani”?' });
    await expect(dialog).toContainText('1 record from projects');
    await expect(dialog).toContainText('This cannot be undone');
    await expect(dialog.getByRole('button', { name: 'Keep everything' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(erase.getByRole('status')).toContainText('Erased:');
    await expect(page.getByRole('region', { name: 'Audit log integrity' }).getByRole('status')).toContainText('The chain holds');

    const left = (await dihya.call('projects.list', {})) as { items: { name: string }[] };
    expect(left.items.map((p) => p.name)).toEqual(['Librairie Tassili']);
    await expect(erase.getByLabel('What to erase').getByRole('option', { name: 'Project “Cabinet Amrani”' })).toHaveCount(0);
  });

  test('changes retention rules and shows the record of processing', async ({ page, dihya }) => {
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Privacy' }).click();
    const retention = page.getByRole('region', { name: 'Retention' });
    await expect(retention.getByLabel('Audit entries')).toHaveValue('365');
    await retention.getByLabel('Audit entries').fill('0');
    await retention.getByRole('button', { name: 'Save rules' }).click();
    await expect(retention.getByLabel('Audit entries')).toHaveAttribute('aria-invalid', 'true');
    await retention.getByLabel('Audit entries').fill('180');
    await retention.getByRole('button', { name: 'Save rules' }).click();
    await expect(page.getByText('Retention rules saved.')).toBeVisible();
    const rules = (await dihya.call('gdpr.retention.get', {})) as { rules: { auditDays: number } };
    expect(rules.rules.auditDays).toBe(180);

    const record = page.getByRole('region', { name: 'Record of processing' });
    await expect(record.getByRole('textbox', { name: 'Record of processing' })).toContainText('Record of processing activities');
    const downloading = page.waitForEvent('download');
    await record.getByRole('button', { name: 'Download (Markdown)' }).click();
    expect((await downloading).suggestedFilename()).toBe('dihya-record-of-processing.md');
  });
});
