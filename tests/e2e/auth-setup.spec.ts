import { expect, test as setup } from '@playwright/test';
import { ADMIN_STATE, E2E_ADMIN } from '../../playwright.config';

/** Signs in once as the first admin (created by the server from CUT_ADMIN_EMAIL / _PASSWORD) for every spec. */
setup('sign in as the admin', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });
});
