import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/dihya-server.ts';

const CAHIER = `# Agence immobilière Horizon — cahier des charges

Nous sommes une agence immobilière à Oran et Marseille. Nous voulons un site pour publier nos annonces et suivre les visites.

Biens : titre, type (appartement, maison, terrain, local commercial), surface en m², nombre de pièces, prix, adresse, ville, photos, disponible ou non.
Chaque bien appartient à un propriétaire. Les propriétaires ont un nom, un téléphone, un email et un IBAN.
Les agents organisent des visites pour un bien : date, heure, commentaire.
Un agent (nom, email, téléphone) peut suivre plusieurs biens.

Rôles : administrateur, agent, propriétaire.
Le site doit être disponible en français et en arabe, avec recherche par ville et par prix.
`;

test.describe('spec editor', () => {
  test('reads a French cahier des charges into a model shown beside its source lines', async ({ page, dihya }) => {
    await dihya.call('projects.create', { name: 'Agence Horizon' });
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Edit the spec of “Agence Horizon”' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Specification' })).toBeVisible();
    await expect(page.getByLabel('Project')).toHaveValue(/.+/);
    await expect(page.getByRole('heading', { name: 'Nothing to read yet' })).toHaveCount(0);

    const editor = page.getByRole('textbox', { name: 'Specification text' });
    await editor.fill(CAHIER);

    // The model, item by item, each with its status and the line it came from.
    const bien = page.getByRole('region', { name: 'Bien' });
    await expect(bien).toBeVisible();
    await expect(page.getByText(/Read as Free text: \d+ items/)).toBeVisible();
    const prix = bien.getByRole('row', { name: /prix/ });
    await expect(prix.getByRole('combobox', { name: 'Type of Bien.prix' })).toHaveValue('money');
    await expect(prix).toContainText('understood');
    await expect(prix).toContainText('line 5');
    await expect(page.getByRole('region', { name: 'Proprietaire' }).getByRole('combobox', { name: 'Personal data in Proprietaire.telephone' })).toHaveValue('personal');
    await expect(page.getByRole('listitem').filter({ hasText: 'real-estate' })).toBeVisible();

    // Side by side: the editor on the inline-start side, the panel beside it.
    const editorBox = await page.locator('.spec-editor').boundingBox();
    const panelBox = await page.locator('.spec-panel').boundingBox();
    expect(editorBox && panelBox && panelBox.x > editorBox.x + editorBox.width - 1).toBe(true);

    // Hovering an item highlights the line it was read from.
    const highlighted = page.locator('.cm-source-line');
    await prix.hover();
    await expect(highlighted).toHaveCount(1);
    await expect(highlighted).toContainText('Biens : titre, type');
    await page.getByRole('listitem').filter({ hasText: 'belongs to Proprietaire' }).hover();
    await expect(highlighted).toContainText('Chaque bien appartient à un propriétaire');
    await page.getByRole('heading', { level: 1 }).hover();
    await expect(highlighted).toHaveCount(0);

    // Edits in the table go into the structured spec, which downloads as YAML.
    await bien.getByRole('checkbox', { name: 'Bien.titre is required' }).check();
    await bien.getByRole('combobox', { name: 'Personal data in Bien.adresse' }).selectOption('none');
    await expect(bien.getByRole('row', { name: /titre/ })).toContainText('edited');
    const structured = page.getByRole('region', { name: 'Structured spec (YAML)' });
    await expect(structured).toContainText('Includes your 2 edits from the table.');
    const downloading = page.waitForEvent('download');
    await structured.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('agence-immobiliere-horizon.dihya.yaml');
    const yaml = await readFile(await download.path(), 'utf8');
    expect(yaml).toContain('domain: real-estate');
    expect(yaml).toMatch(/- name: titre\n\s+type: string\n\s+required: true/);
    expect(yaml).toMatch(/- name: adresse\n\s+type: string\n\s+- name: ville/);

    // The structured spec reads back as the same model (nothing guessed in YAML).
    const parsed = (await dihya.call('spec.parse', { text: yaml, format: 'yaml' })) as { model: { domain: string; entities: { name: string }[] } };
    expect(parsed.model.domain).toBe('real-estate');
    expect(parsed.model.entities.map((e) => e.name)).toContain('Bien');

    // The draft survives a reload (kept in this browser), edits included.
    await expect(page.getByText(/Draft kept in this browser/)).toBeVisible();
    await page.reload();
    await page.getByRole('button', { name: 'Specification' }).click();
    await expect(page.getByRole('region', { name: 'Bien' }).getByRole('checkbox', { name: 'Bien.titre is required' })).toBeChecked();
  });

  test('a structured YAML spec is taken as it is, and Arabic mirrors the panel', async ({ page, dihya }) => {
    await dihya.call('projects.create', { name: 'Cabinet' });
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Interface language').selectOption('ar');
    await page.getByRole('button', { name: 'دفتر الشروط' }).click();
    await page.getByRole('textbox', { name: 'نص دفتر الشروط' }).fill(
      ['name: Cabinet', 'domain: health', 'languages: [fr, ar]', 'entities:', '  - name: Patient', '    fields:', '      - { name: dossier, type: text, personalData: special }'].join('\n'),
    );
    const patient = page.getByRole('region', { name: 'Patient' });
    await expect(patient.getByRole('combobox', { name: 'بيانات شخصية في Patient.dossier' })).toHaveValue('special');
    await expect(page.getByText(/قُرئ كـ YAML/)).toBeVisible();
    await patient.getByRole('row', { name: /dossier/ }).hover();
    await expect(page.locator('.cm-source-line')).toContainText('name: dossier');
    // The editor keeps reading left to right; the page around it is mirrored.
    await expect(page.locator('.code-editor').first()).toHaveAttribute('dir', 'ltr');
    const editorBox = await page.locator('.spec-editor').boundingBox();
    const panelBox = await page.locator('.spec-panel').boundingBox();
    expect(editorBox && panelBox && panelBox.x < editorBox.x).toBe(true);
  });
});
