import { expect, test, type Page } from '@playwright/test';

// Signed in as the first admin (tests/e2e/auth.setup.ts, the storage state in playwright.config.ts).

/** Console errors, uncaught exceptions and failed or >= 400 responses seen while a page was open. */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    // Navigating away cancels in-flight prefetches; that is not a failure of the product.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

const money = /^\$\d{1,3}(,\d{3})*\.\d{2}$/;

test('the overview charts demo data, follows the date range and links to every section', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');

  const costChart = page.getByTestId('cost-chart');
  const requestsChart = page.getByTestId('requests-chart');
  await expect(costChart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(requestsChart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect.poll(() => costChart.locator('path.recharts-area-area').count()).toBeGreaterThan(0);
  await expect.poll(() => requestsChart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);

  const total = page.getByTestId('tile-total-cost-value');
  const requests = page.getByTestId('tile-requests-value');
  await expect(total).toHaveText(money);
  await expect(total).not.toHaveText('$0.00');
  await expect(page.getByTestId('tile-cost-per-request-value')).toHaveText(/^\$\d/);
  await expect(page.getByTestId('tile-unpriced-value')).toHaveText(/^\d[\d,]*$/);

  await page.screenshot({ path: 'test-results/screenshots/overview.png', fullPage: true });

  // A preset puts the range in the URL and the figures follow it.
  const before = { total: await total.textContent(), requests: await requests.textContent() };
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(total).not.toHaveText(before.total ?? '');
  await expect(requests).not.toHaveText(before.requests ?? '');
  await expect(total).toHaveText(money);

  // A custom range goes through the form and lands in the URL as typed.
  const from = new URL(page.url()).searchParams.get('from') ?? '';
  const sevenDayTotal = await total.textContent();
  await page.getByLabel('From').fill(from);
  await page.getByLabel('to', { exact: true }).fill(from);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${from}`));
  await expect(total).not.toHaveText(sevenDayTotal ?? '');

  // The range survives a reload: it is URL state, rendered by the server too.
  await page.reload();
  await expect(page.getByTestId('range-label')).not.toContainText('–');
  await expect(total).toHaveText(money);

  // Every section of the navigation opens and is marked as the current page.
  const sections = [
    { name: 'Workloads', path: '/workloads' },
    { name: 'Teams', path: '/teams' },
    { name: 'Weekly review', path: '/weekly' },
    { name: 'Settings', path: '/settings' },
    { name: 'Overview', path: '/' },
  ];
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const section of sections) {
    await nav.getByRole('link', { name: section.name }).click();
    await expect(page).toHaveURL((u) => u.pathname === section.path);
    await expect(page.getByRole('heading', { level: 1, name: section.name })).toBeVisible();
    await expect(nav.getByRole('link', { name: section.name })).toHaveAttribute('aria-current', 'page');
    if (section.path !== '/') await expect(page.getByText('Coming in a later release')).toBeVisible();
  }
  await expect(page.getByTestId('cost-chart').locator('svg.recharts-surface').first()).toBeVisible();

  expect(problems).toEqual([]);
});

test('a failed fetch says so and Retry recovers the figures', async ({ page }) => {
  await page.goto('/');
  const total = page.getByTestId('tile-total-cost-value');
  await expect(total).toHaveText(money);

  let failing = true;
  await page.route('**/api/v1/overview/daily?**', (route) =>
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
  const before = await total.textContent();
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The database is not reachable right now.' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('try again shortly');

  failing = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toBeHidden();
  await expect(total).not.toHaveText(before ?? '');
  await expect(total).toHaveText(money);
});

test('the daily API validates its query and answers money as decimal strings', async ({ request }) => {
  const bad = await request.get('/api/v1/overview/daily?from=yesterday&to=2026-01-01');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: { code: 'invalid_query', message: 'from: must be a date YYYY-MM-DD' } });

  const health = await request.get('/api/health');
  expect(health.ok()).toBe(true);
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const good = await request.get(`/api/v1/overview/daily?from=${monthAgo}&to=${today}`);
  expect(good.status()).toBe(200);
  const { rows } = (await good.json()) as { rows: Array<Record<string, unknown>> };
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    for (const key of ['tco_usd', 'l1_usd', 'l2_usd', 'l3_usd', 'l4_usd', 'base_usd']) {
      expect(row[key]).toMatch(/^-?\d+\.\d{6}$/);
    }
    expect(Number.isInteger(row.requests)).toBe(true);
  }
});
