import { expect, test } from './fixtures/dihya-server.ts';

test.describe('language', () => {
  test('switching to Arabic mirrors the layout, translates it and is remembered', async ({ page, dihya }) => {
    await dihya.call('projects.create', { name: 'مكتبة الجزائر' });
    await page.goto(dihya.url);
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await page.getByLabel('Interface language').selectOption('ar');

    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByRole('heading', { level: 1, name: 'الإعدادات' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'التنقل الرئيسي' })).toBeVisible();

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.getByRole('button', { name: 'المشاريع' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'المشاريع' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'مشروع جديد' })).toBeVisible();
    await expect(page.getByRole('row', { name: /مكتبة الجزائر/ })).toBeVisible();

    // Mirrored, not just translated: the sidebar sits on the right.
    const sidebar = await page.locator('.sidebar').boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(sidebar && main && sidebar.x > main.x).toBe(true);
  });

  test('shows About data from app.info in French', async ({ page, dihya }) => {
    await page.goto(dihya.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Interface language').selectOption('fr');
    await expect(page.getByRole('heading', { level: 2, name: 'À propos de Dihya' })).toBeVisible();
    await expect(page.getByText(dihya.dataDir)).toBeVisible();
    await expect(page.getByText('Serveur local (dihya serve)')).toBeVisible();
  });
});

test.describe('access link', () => {
  test('without a token the page explains how to open Dihya', async ({ page, dihya }) => {
    await page.goto(`${dihya.origin}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Open Dihya with its private link' })).toBeVisible();
    await expect(page.getByText('dihya serve', { exact: true })).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);

    // Pasting the link into the same tab changes only the fragment; the app must still start.
    await page.goto(dihya.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
    await expect(page).toHaveURL(`${dihya.origin}/`);
  });

  test('a wrong or outdated token leads to the same explanation, not to a broken app', async ({ page, dihya }) => {
    await page.goto(`${dihya.origin}/#token=not-the-right-one`);
    await expect(page.getByRole('heading', { level: 1, name: 'This link is no longer valid' })).toBeVisible();
    await expect(page).toHaveURL(`${dihya.origin}/`);
    // The refused token is forgotten: a reload asks for the link instead of failing again.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Open Dihya with its private link' })).toBeVisible();
  });
});
