import { expect, test } from './fixtures/dihya-server.ts';

test.describe('projects', () => {
  test('creates a project and still lists it after a reload', async ({ page, dihya }) => {
    await page.goto(dihya.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
    // The token moves out of the address bar as soon as the page has read it.
    await expect(page).toHaveURL(`${dihya.origin}/`);
    await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();

    await page.getByRole('button', { name: 'New project' }).click();
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
    await page.getByLabel('Description', { exact: true }).fill('Menu et réservations');
    await page.getByLabel('Name', { exact: true }).fill('Café du Port');
    await page.getByLabel('Name', { exact: true }).press('Enter');

    await expect(page.getByText('Project “Café du Port” created.')).toBeVisible();
    const row = page.getByRole('row', { name: /Café du Port/ });
    await expect(row).toContainText('cafe-du-port');
    await expect(row).toContainText('Menu et réservations');
    await expect(row.locator('time')).toHaveText(/\d{4}/);

    await page.reload();
    await expect(page.getByRole('row', { name: /Café du Port/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No projects yet' })).toHaveCount(0);
  });

  test('renames a project inline and deletes it after confirmation', async ({ page, dihya }) => {
    await dihya.call('projects.create', { name: 'Atelier Nour' });
    await dihya.call('projects.create', { name: 'Librairie Tassili' });
    await page.goto(dihya.url);
    await expect(page.getByRole('row', { name: /Atelier Nour/ })).toBeVisible();

    // Escape leaves the name as it was.
    await page.getByRole('button', { name: 'Rename “Atelier Nour”' }).click();
    const field = page.getByRole('textbox', { name: 'New name for “Atelier Nour”' });
    await expect(field).toBeFocused();
    await field.fill('Something else');
    await field.press('Escape');
    await expect(field).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Rename “Atelier Nour”' })).toBeFocused();

    await page.getByRole('button', { name: 'Rename “Atelier Nour”' }).click();
    await field.fill('Atelier Nour & Fils');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Project renamed to “Atelier Nour & Fils”.')).toBeVisible();
    const renamed = page.getByRole('row', { name: /Atelier Nour & Fils/ });
    await expect(renamed).toContainText('atelier-nour');

    // Cancelling the confirmation keeps the project.
    await renamed.getByRole('button', { name: 'Delete “Atelier Nour & Fils”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Atelier Nour & Fils”?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep project' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(renamed).toBeVisible();

    await renamed.getByRole('button', { name: 'Delete “Atelier Nour & Fils”' }).click();
    await dialog.getByRole('button', { name: 'Delete project' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Project “Atelier Nour & Fils” deleted.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Atelier Nour/ })).toHaveCount(0);
    await expect(page.getByRole('row', { name: /Librairie Tassili/ })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('row', { name: /Librairie Tassili/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Atelier Nour/ })).toHaveCount(0);
  });

  test('shows the server’s validation errors beside the field', async ({ page, dihya }) => {
    await dihya.call('projects.create', { name: 'Atelier Nour' });
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'New project' }).click();
    const name = page.getByLabel('Name', { exact: true });

    await name.fill('ATELIER NOUR');
    await page.getByRole('button', { name: 'Create project' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'A project named "ATELIER NOUR" already exists.' });
    await expect(conflict).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/already exists/);

    await name.fill('   ');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'A project needs a name.' })).toBeVisible();
    await expect(page.getByRole('row', { name: /ATELIER NOUR/ })).toHaveCount(0);

    // The same placement for an inline rename.
    await dihya.call('projects.create', { name: 'Café du Port' });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Rename “Café du Port”' }).click();
    await page.getByRole('textbox', { name: 'New name for “Café du Port”' }).fill('atelier nour');
    await page.getByRole('textbox', { name: 'New name for “Café du Port”' }).press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'A project named "atelier nour" already exists.' })).toBeVisible();
  });

  test('follows changes made elsewhere without a reload, and searches by name', async ({ page, dihya }) => {
    await page.goto(dihya.url);
    await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();

    // Another client (the CLI, a second window) changes data: the event stream brings it here.
    const made = (await dihya.call('projects.create', { name: 'Cabinet Médical Amrani' })) as { id: string };
    await expect(page.getByRole('row', { name: /Cabinet Médical Amrani/ })).toBeVisible();
    await dihya.call('projects.create', { name: 'École de langues' });
    await dihya.call('projects.rename', { id: made.id, name: 'Cabinet Amrani' });
    await expect(page.getByRole('row', { name: /Cabinet Amrani/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /École de langues/ })).toBeVisible();

    // ASCII in another case on purpose: the store's LIKE folds ASCII case only ('école' misses 'École').
    await page.getByRole('searchbox', { name: 'Search projects' }).fill('LANGUES');
    await expect(page.getByRole('row', { name: /Cabinet Amrani/ })).toHaveCount(0);
    await expect(page.getByRole('row', { name: /École de langues/ })).toBeVisible();

    await page.getByRole('searchbox', { name: 'Search projects' }).fill('zzz');
    await expect(page.getByRole('heading', { name: 'Nothing matches “zzz”' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByRole('searchbox', { name: 'Search projects' })).toBeFocused();
    await expect(page.getByRole('row', { name: /Cabinet Amrani/ })).toBeVisible();

    await dihya.call('projects.delete', { id: made.id });
    await expect(page.getByRole('row', { name: /Cabinet Amrani/ })).toHaveCount(0);
  });
});
