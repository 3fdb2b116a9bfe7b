import { expect, test } from '@playwright/test';
import { BARS, demoIncidentDay, expectMarks, LAPTOP, LINES, MONEY, screenshot, watchForProblems } from './support';

test.use({ viewport: LAPTOP });
// Signed in as the first admin (tests/e2e/auth-setup.spec.ts, the storage state in playwright.config.ts).

test('the overview charts the demo on the metrics API, with tiles against the 7-day median', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');

  // Tiles: money with its unit in the label, and a change against the trailing median.
  await expect(page.getByTestId('tile-cut')).toContainText('USD per 1M useful tokens');
  await expect(page.getByTestId('tile-cut-value')).toHaveText(MONEY);
  await expect(page.getByTestId('tile-tco-value')).toHaveText(MONEY);
  await expect(page.getByTestId('tile-cost-per-accepted-value')).toHaveText(MONEY);
  await expect(page.getByTestId('tile-acceptance-value')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(page.getByTestId('tile-p95-value')).toHaveText(/ (ms|s)$/);
  await expect(page.getByTestId('tile-gpu-h100-a-value')).toHaveText(/%$/);
  await expect(page.getByTestId('tile-unpriced-value')).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByTestId('tile-tco-change')).toHaveText(/^([+−]\d|0%|no baseline)/);

  // Charts draw data marks: bars for the layers, a line per class, a line per pool.
  await expectMarks(page.getByTestId('layer-chart'), BARS, 30);
  for (const slug of ['customer_support', 'agentic_coding', 'internal_knowledge_assistant']) {
    await expectMarks(page.getByTestId(`cut-chart-${slug}`), LINES, 2);
  }
  await expectMarks(page.getByTestId('pool-chart'), LINES, 2);
  await screenshot(page, 'overview');
  expect(problems).toEqual([]);
});

test('the anomaly list finds the incident day and the prompt creep, and links to each day', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  const incident = demoIncidentDay();
  const list = page.getByTestId('anomaly-list');
  const storm = list.locator(`[data-testid="anomaly"][data-figure="retry_rate"][data-day="${incident}"]`);
  await expect(storm.first()).toBeVisible();
  await expect(storm.first()).toContainText('Retry rate ↑');
  const creep = list.locator('[data-testid="anomaly"][data-kind="drift"][data-figure="prompt_length"]');
  await expect(creep).toHaveCount(1);
  await expect(creep).toContainText('Internal knowledge assistant: Prompt length ↑');
  await expect(creep).toContainText(/crept up \+\d+/);

  // Each links to its class's page narrowed to its day.
  await storm.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/workloads/\\w+\\?from=${incident}&to=${incident}`));
  await expect(page.getByTestId('range-label')).toContainText(
    new Date(`${incident}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }),
  );
  await expect(page.getByTestId('tile-retry-value')).toHaveText(/%$/);
  expect(problems).toEqual([]);
});

test('filters and the date range live in the URL and change the figures', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  const tco = page.getByTestId('tile-tco-value');
  await expect(tco).toHaveText(MONEY);
  const all = await tco.textContent();

  await page.getByLabel('Workload class', { exact: true }).selectOption('customer_support');
  await expect(page).toHaveURL(/[?&]class=customer_support/);
  await expect(page.getByTestId('tile-cost-per-accepted')).toContainText('Cost per resolved ticket, USD');
  await expect(tco).not.toHaveText(all ?? '');
  await expect(tco).toHaveText(MONEY);

  await page.getByLabel('Team', { exact: true }).selectOption({ index: 1 });
  await expect(page).toHaveURL(/[?&]team=/);

  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');

  // The URL is the state: a reload (a shared link) renders the same selection on the server.
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel('Workload class', { exact: true })).toHaveValue('customer_support');
  await page.getByLabel('Team', { exact: true }).selectOption('');
  await expect(page).not.toHaveURL(/[?&]team=/);
  await expect(tco).toHaveText(MONEY);

  // The day the tiles describe is URL state too.
  const day = await page.getByLabel('Day shown').inputValue();
  const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Day shown').fill(before);
  await expect(page).toHaveURL(new RegExp(`[?&]day=${before}`));
  expect(problems).toEqual([]);
});

test('the dark theme is a toggle, remembered across pages', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expectMarks(page.getByTestId('layer-chart'), BARS, 30);
  await screenshot(page, 'overview-dark');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Weekly review' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  expect(problems).toEqual([]);
});

test('a failed fetch says so and Retry recovers the figures', async ({ page }) => {
  await page.goto('/');
  const tco = page.getByTestId('tile-tco-value');
  await expect(tco).toHaveText(MONEY);
  let failing = true;
  await page.route('**/api/v1/metrics?**', (route) =>
    failing
      ? route.fulfill({
          status: 503,
          headers: { 'Retry-After': '5' },
          json: {
            error: { code: 'database_unavailable', message: 'the database is not reachable; try again shortly' },
          },
        })
      : route.continue(),
  );
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The database is not reachable right now.' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  failing = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toBeHidden();
  // The 7 days arrived: at most 6 layers x 7 days of bars.
  await expect(page.getByTestId('overview-content')).toHaveAttribute('aria-busy', 'false');
  await expect.poll(() => page.getByTestId('layer-chart').locator(BARS).count()).toBeLessThanOrEqual(42);
  await expect(tco).toHaveText(MONEY);
});

test('every section of the navigation opens and is marked current', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const section of [
    { name: 'Workloads', path: '/workloads' },
    { name: 'Teams', path: '/teams' },
    { name: 'Weekly review', path: '/weekly' },
    { name: 'Settings', path: '/settings' },
    { name: 'Overview', path: '/' },
  ]) {
    await nav.getByRole('link', { name: section.name }).click();
    await expect(page).toHaveURL((u) => u.pathname === section.path);
    await expect(page.getByRole('heading', { level: 1, name: section.name })).toBeVisible();
    await expect(nav.getByRole('link', { name: section.name })).toHaveAttribute('aria-current', 'page');
  }
  expect(problems).toEqual([]);
});
