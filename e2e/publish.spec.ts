import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures/dihya-server.ts';

const SPEC = ['name: Vitrine', 'domain: portfolio', 'languages: [fr]', 'entities:', '  - name: Oeuvre', '    fields:', '      - { name: titre, type: string, required: true }'].join('\n');

// The embedded IPFS node starts lazily on the first publish, which can take a while on a busy machine.
const PUBLISH_TIMEOUT = { timeout: 90_000 };

test.describe('publish', () => {
  test('publishes the generated output and shows its CID, links, pin state and QR code', async ({ page, dihya }) => {
    const project = (await dihya.call('projects.create', { name: 'Vitrine' })) as { id: string };
    await dihya.call('generation.run', { projectId: project.id, spec: { text: SPEC, format: 'yaml' } });
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('radio', { name: /The latest generated output of this project/ })).toBeChecked();
    await expect(page.getByRole('note')).toContainText('Publishing is public');

    await page.getByRole('button', { name: 'Publish to IPFS' }).click();
    const result = page.getByRole('region', { name: 'Published' });
    const cid = result.getByTestId('cid');
    await expect(cid).toHaveText(/^bafy[a-z0-9]{50,}$/, PUBLISH_TIMEOUT);
    const published = (await cid.textContent()) ?? '';

    // The CID is the one the core recorded.
    const listed = (await dihya.call('publish.list', { projectId: project.id })) as { items: { cid: string }[] };
    expect(listed.items[0]?.cid).toBe(published);
    await expect(result.getByRole('link', { name: `https://ipfs.io/ipfs/${published}/` })).toHaveAttribute('href', `https://ipfs.io/ipfs/${published}/`);
    await expect(result.getByRole('link', { name: `ipfs://${published}` })).toBeVisible();
    await expect(result).toContainText('Pinned here');
    await expect(result).toContainText('with its dihya.lock.json');
    const qr = result.getByRole('img', { name: `QR code of https://ipfs.io/ipfs/${published}/` });
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml/);
    await expect(page.getByRole('table', { name: 'Publications of this project' }).getByRole('row')).toHaveCount(2);

    // The gateway is configurable, and the links follow it.
    await page.getByLabel('Gateway for shareable links').fill('http://127.0.0.1:8080');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Links now use http://127.0.0.1:8080.')).toBeVisible();
    await expect(result.getByRole('link', { name: `http://127.0.0.1:8080/ipfs/${published}/` })).toBeVisible();

    // Publishing the same content again gives the same CID.
    await page.getByRole('button', { name: 'Publish to IPFS' }).click();
    await expect(result).toContainText('Nothing changed since the last time', PUBLISH_TIMEOUT);
    await expect(cid).toHaveText(published);
  });

  test('publishes a folder named by its path', async ({ page, dihya }) => {
    const folder = await mkdtemp(join(tmpdir(), 'dihya-e2e-site-'));
    await writeFile(join(folder, 'index.html'), '<!doctype html><title>Salam</title><p>Salam</p>\n');
    await dihya.call('projects.create', { name: 'Site' });
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('radio', { name: 'A folder or file on this computer' })).toBeChecked();
    await page.getByLabel('Path', { exact: true }).fill(folder);
    await page.getByRole('button', { name: 'Publish to IPFS' }).click();
    const result = page.getByRole('region', { name: 'Published' });
    await expect(result.getByTestId('cid')).toHaveText(/^bafy/, PUBLISH_TIMEOUT);
    await expect(result).toContainText('1 files');
  });
});
