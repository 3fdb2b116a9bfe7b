import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../../playwright.config';

/** Signed out: the whole flow starts at the sign-in page. */
test.use({ storageState: { cookies: [], origins: [] } });

const VIEWER = { email: 'viewer@cut.test', password: 'viewer chose this one' };
const today = new Date().toISOString().slice(0, 10);
const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
const dollars = (text: string | null) => Number((text ?? '').replace(/[$,]/g, ''));

/** Signs in as a person would; told to wait (3 sign-ins per 10 s from one address), waits and tries again. */
async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const wait = page.getByText('Too many sign-in attempts. Wait a few seconds and try again.');
  const answered = await Promise.race([
    wait.waitFor({ timeout: 5_000 }).then(() => 'wait'),
    page.waitForURL((url) => url.pathname !== '/login', { timeout: 5_000 }).then(() => 'in'),
    page
      .getByText('do not match')
      .waitFor({ timeout: 5_000 })
      .then(() => 'no'),
  ]).catch(() => 'none');
  if (answered === 'wait') {
    await page.waitForTimeout(10_000);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test('sign in, see what the role allows, a team viewer cannot reach another team, sign out', async ({ page }) => {
  // Signed out, every page leads to the sign-in page, remembering where it was going.
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/login.png', fullPage: true });

  await signIn(page, E2E_ADMIN.email, 'not the password');
  await expect(page.getByRole('region', { name: 'Sign in' }).getByRole('alert')).toHaveText(
    'That email and password do not match an account.',
  );
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByTestId('account-role')).toHaveText('Admin');

  // The admin sees every section and the whole company's cost.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText([
    'Overview',
    'Workloads',
    'Teams',
    'Weekly review',
    'Decisions',
    'Settings',
  ]);
  await page.goto('/');
  const total = page.getByTestId('tile-tco-value');
  await expect(total).toHaveText(/^\$\d/);
  const companyTotal = dollars(await total.textContent());

  // ... and adds a team viewer for support, who gets a one-time password.
  await page.goto('/settings');
  await page.getByRole('link', { name: /Users and access/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const add = page.getByRole('region', { name: 'Add a person' });
  await add.getByLabel('Email').fill(VIEWER.email);
  await add.getByLabel('Name').fill('Support viewer');
  await add.getByLabel('Role').selectOption('team_viewer');
  await add.getByLabel('support').check();
  await add.getByRole('button', { name: 'Add person' }).click();
  const oneTime = add.getByTestId('one-time-password');
  await expect(oneTime).toHaveText(/^\S{20}$/);
  const firstPassword = (await oneTime.textContent()) ?? '';
  await expect(page.getByTestId(`user-${VIEWER.email}`)).toContainText('has not chosen a password yet');
  await page.screenshot({ path: 'test-results/screenshots/settings-users.png', fullPage: true });
  await signOut(page);

  // The viewer signs in with it and must choose a password before anything else.
  await signIn(page, VIEWER.email, firstPassword);
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel('Current password').fill(firstPassword);
  await page.getByLabel('New password', { exact: true }).fill(VIEWER.password);
  await page.getByLabel('New password again').fill(VIEWER.password);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  // It sees figures of support only, and no Settings.
  await expect(page.getByTestId('account-role')).toHaveText('Team viewer · support');
  await expect(nav.getByRole('link')).toHaveText(['Overview', 'Workloads', 'Teams', 'Weekly review']);
  await expect(total).toHaveText(/^\$\d/);
  const supportTotal = dollars(await total.textContent());
  expect(supportTotal).toBeGreaterThan(0);
  expect(supportTotal).toBeLessThan(companyTotal);
  await page.screenshot({ path: 'test-results/screenshots/signed-in-team-viewer.png', fullPage: true });

  // Editing the URL reaches no other team and no settings.
  const metrics = (team: string) => `/api/v1/metrics?from=${monthAgo}&to=${today}&group_by=team&team=${team}`;
  const own = await page.goto(metrics('support'));
  expect(own?.status()).toBe(200);
  expect(((await own?.json()) as { rows: Array<{ team: string }> }).rows.map((r) => r.team)).toEqual(['support']);
  for (const team of ['research', 'support,research']) {
    const other = await page.goto(metrics(team));
    expect(other?.status()).toBe(403);
    expect(await other?.text()).toContain('you may not see team');
  }
  for (const path of ['/settings', '/settings/users']) {
    const denied = await page.goto(path);
    expect(denied?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  }
  const settingsApi = await page.goto('/api/v1/settings');
  expect(settingsApi?.status()).toBe(403);
  // Nor another team through a page's filter, nor what mixes every team (decisions, pool usage).
  for (const path of ['/?team=research', '/workloads?team=research', '/decisions']) {
    const denied = await page.goto(path);
    expect(denied?.status(), path).toBe(403);
  }
  expect((await page.request.get(`/api/v1/pool-usage?from=${monthAgo}&to=${today}`)).status()).toBe(403);

  // The Teams page holds support's row only, and so do its downloads; another team's page is a 403.
  await page.goto('/teams');
  await expect(page.getByTestId('row-support')).toBeVisible();
  await expect(page.getByTestId('chargeback-table').locator('[data-testid^="row-"]')).toHaveCount(2); // support, total
  await expect(page.getByTestId('scoped-note')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close month…' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/teams-team-viewer.png', fullPage: true });
  const csvHref = await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href');
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  const csvText = await csv.text();
  expect(csvText).toContain(',support,');
  expect(csvText).not.toMatch(/,(research|legal-ops|platform|growth|knowledge|__unallocated__),/);
  const focus = await page.request.get(csvHref!.replace('format=csv', 'format=focus'));
  expect(focus.status()).toBe(200);
  expect(await focus.text()).not.toMatch(/,(research|legal-ops|platform|growth|knowledge|__unallocated__),/);
  const otherTeam = await page.goto('/teams/research');
  expect(otherTeam?.status()).toBe(403);

  // Signing out ends the session: the pages lead back to the sign-in page.
  await page.goto('/');
  await signOut(page);
  await page.goto('/workloads');
  await expect(page).toHaveURL(/\/login\?next=%2Fworkloads$/);
  expect((await page.request.get(metrics('support'))).status()).toBe(401);
});

test('security headers on pages and API answers', async ({ request }) => {
  const login = await request.get('/login');
  expect(login.status()).toBe(200);
  const headers = login.headers();
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');

  const api = await request.get(`/api/v1/metrics?from=${monthAgo}&to=${today}`);
  expect(api.status()).toBe(401);
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['content-type']).toMatch(/application\/json/);
});

test.describe('signed in as the admin', () => {
  test.use({ storageState: 'test-results/e2e/.auth/admin.json' });

  test('a cross-site change riding on the session cookie is refused', async ({ request }) => {
    const crossSite = await request.put('/api/v1/settings', {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      data: { strict_registry: true },
    });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.text()).toContain('cross-site request refused');
    const settings = await request.get('/api/v1/settings');
    expect(settings.status()).toBe(200);
    expect(((await settings.json()) as { strict_registry: boolean }).strict_registry).toBe(false);
  });
});
