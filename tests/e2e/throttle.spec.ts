import { expect, test } from '@playwright/test';

test.use({ storageState: { cookies: [], origins: [] } });

/** Runs last (the per-address limit it trips would slow other specs' sign-ins for 10 s). */
test('guessing passwords is slowed: the fourth try within seconds is refused', async ({ page }) => {
  await page.goto('/login');
  const alert = page.getByRole('region', { name: 'Sign in' }).getByRole('alert');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.getByLabel('Email').fill('admin@cut.test');
    await page.getByLabel('Password').fill(`guess number ${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toHaveText('That email and password do not match an account.');
  }
  await page.getByLabel('Password').fill('guess number 4');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toHaveText('Too many sign-in attempts. Wait a few seconds and try again.');
  await page.screenshot({ path: 'test-results/screenshots/login-throttled.png', fullPage: true });
});
