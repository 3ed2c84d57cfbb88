import { expect, test } from './fixtures/dihya-server.ts';

const SPEC = [
  'name: Librairie Tassili',
  'domain: ecommerce',
  'languages: [fr, ar]',
  'entities:',
  '  - name: Livre',
  '    fields:',
  '      - { name: titre, type: string, required: true }',
  '      - { name: prix, type: money }',
].join('\n');

test.describe('generate', () => {
  test('generates from the spec written on the Specification page, then opens a generated file', async ({ page, dihya }) => {
    await dihya.call('projects.create', { name: 'Librairie Tassili' });
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Edit the spec of “Librairie Tassili”' }).click();
    await page.getByRole('textbox', { name: 'Specification text' }).fill(SPEC);
    await expect(page.getByRole('region', { name: 'Livre' })).toBeVisible();
    await expect(page.getByText(/Draft kept in this browser/)).toBeVisible();
    await page.getByRole('button', { name: 'Generate from this spec' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /The spec from the Specification page/ })).toBeChecked();
    await expect(page.getByText('“Librairie Tassili”, 1 entities')).toBeVisible();
    await page.getByRole('main').getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(page.getByText(/^Generated \d+ files \(\d+ new, 0 changed\)/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('region', { name: 'Generations' })).toContainText('Succeeded');

    // The file tree, and a file read from it.
    const tree = page.getByRole('navigation', { name: 'Generated files' });
    await expect(tree).toContainText(/\d+ files/);
    await tree.getByRole('button', { name: 'README.md' }).click();
    const viewer = page.getByRole('region', { name: 'Opened file' });
    await expect(viewer.getByRole('heading', { name: 'README.md' })).toBeVisible();
    await expect(viewer.getByRole('textbox', { name: 'Content of README.md' })).toContainText('Librairie Tassili');
    await expect(tree.getByRole('button', { name: 'README.md' })).toHaveAttribute('aria-current', 'true');

    // Top-level folders start open; deeper ones open on demand.
    const summary = tree.locator('summary', { hasText: /^server\/$/ });
    const server = summary.locator('xpath=..');
    await expect(server).not.toHaveAttribute('open');
    await summary.click();
    await expect(server).toHaveAttribute('open');
    await expect(server.getByRole('button').first()).toBeVisible();

    // The tree lists what the core recorded for this run.
    const runs = (await dihya.call('generation.list', {})) as { items: { id: string; status: string }[] };
    expect(runs.items[0]?.status).toBe('succeeded');
    const files = (await dihya.call('generation.files', { id: runs.items[0]?.id })) as { files: unknown[] };
    await expect(tree).toContainText(`${files.files.length} files`);
  });

  test('a pasted spec that cannot be generated says why', async ({ page, dihya }) => {
    await dihya.call('projects.create', { name: 'Vide' });
    await page.goto(dihya.url);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByRole('radio', { name: 'A spec pasted here' })).toBeChecked();
    await page.getByLabel('Spec (free text, YAML or JSON)').fill('name: Vide\ndomain: generic\nlanguages: [fr]\nentities: [{ name: "1bad", fields: [] }]');
    await page.getByRole('main').getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible({ timeout: 60_000 });
  });
});
