import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './support';

/** Console errors, uncaught exceptions and >= 400 responses seen while the page was open. */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

const money = /^\$\d{1,3}(,\d{3})*\.\d{2}$/;

test('the what-if panel moves the projected figures when a slider moves; the break-even charts both options', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  await page.goto('/decisions?class=customer_support');
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  const panel = page.getByTestId('what-if-panel');
  const projected = panel.getByTestId('projected-tco_usd');
  const observed = panel.getByTestId('baseline-tco_usd');
  await expect(projected).toHaveText(money);
  // No change asked yet: the projection is the observed bill itself.
  await expect(projected).toHaveText((await observed.textContent()) ?? '');
  await expect(panel.getByTestId('change-tco_usd')).toHaveText('no change');
  const before = await projected.textContent();
  const usefulBefore = await panel.getByTestId('projected-useful_output_tokens').textContent();

  await panel.getByLabel('Output verbosity (visible output)').fill('40');
  await expect(panel.getByText('−40%')).toBeVisible();
  await expect(projected).not.toHaveText(before ?? '');
  await expect(projected).toHaveText(money);
  await expect(panel.getByTestId('projected-useful_output_tokens')).not.toHaveText(usefulBefore ?? '');
  await expect(panel.getByTestId('change-tco_usd')).not.toHaveText('no change');
  await expect(observed).toHaveText(before ?? '');

  const breakEven = page.getByTestId('break-even-panel');
  await expect(breakEven.getByTestId('break-even-recommendation')).toContainText(/Stay on|Move to/);
  await expect(breakEven.getByTestId('tile-api-price-value')).toHaveText(/^\$[\d.,]+ \/ 1M$/);
  await expect(breakEven.getByTestId('tile-observed-value')).toHaveText(/\/ month$/);
  const chart = breakEven.getByTestId('break-even-chart');
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect.poll(() => chart.locator('path.recharts-line-curve').count()).toBeGreaterThanOrEqual(3);
  // the observed volume: the lone point of its series, drawn as a dot
  await expect(chart.locator('circle.recharts-dot')).toHaveCount(1);
  await chart.screenshot({ path: 'test-results/screenshots/decisions-break-even-chart.png' });

  await expect(page.getByTestId('recommendations').getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('what-if-panel')).toHaveAttribute('aria-busy', 'false');
  await screenshot(page, 'decisions');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'decisions-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  expect(await page.locator('main').innerText()).not.toMatch(/NaN|Infinity/);
  expect(problems).toEqual([]);
});

test('the what-if answers 400 naming the field, and a no-change what-if is the metrics row', async ({
  request,
  baseURL,
}) => {
  // a POST riding on the session cookie must come from CUT's own pages, as the panel's fetch does
  const sameOrigin = { origin: baseURL!, 'sec-fetch-site': 'same-origin' };
  const bad = await request.post('/api/v1/what-if', {
    headers: sameOrigin,
    data: { from: '2026-01-01', to: '2026-01-31', changes: { input_tokens_cut_pct: 140 } },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/^changes\.input_tokens_cut_pct: must be between 0 and 100/);

  const options = await (await request.get('/api/v1/decision-options')).json();
  const { from, to } = options as { from: string; to: string };
  const whatIf = await request.post('/api/v1/what-if', {
    headers: sameOrigin,
    data: { from, to, workload_class: 'document_review', changes: {} },
  });
  expect(whatIf.status()).toBe(200);
  const body = await whatIf.json();
  const metrics = await (
    await request.get(`/api/v1/metrics?from=${from}&to=${to}&workload_class=document_review`)
  ).json();
  expect(body.baseline).toEqual(metrics.rows[0]);
  expect(body.projected).toEqual(metrics.rows[0]);
});
