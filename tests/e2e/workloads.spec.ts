import { expect, test } from '@playwright/test';
import { BARS, DOTS, expectMarks, LAPTOP, LINES, MONEY, screenshot, watchForProblems } from './support';

test.use({ viewport: LAPTOP });

test('the workloads index lists every class with its cost per unit of accepted work', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/workloads');
  await expect(page.getByRole('heading', { level: 1, name: 'Workloads' })).toBeVisible();
  const table = page.getByTestId('workloads-table');
  await expect(table.getByRole('row')).toHaveCount(6); // header + five classes
  await expect(table).toContainText('per resolved ticket');
  await expectMarks(page.getByTestId('workloads-chart'), BARS, 5);
  await screenshot(page, 'workloads');

  await table.getByRole('link', { name: 'Customer support' }).click();
  await expect(page).toHaveURL(/\/workloads\/customer_support\?from=\d{4}-\d{2}-\d{2}&to=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customer support' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a class page: waterfall to the cost per ticket, breakdowns, split, Pareto view, rejections', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/workloads/customer_support');
  await expect(page.getByTestId('tile-cost-per-accepted')).toContainText('USD per resolved ticket');
  const perTicket = page.getByTestId('tile-cost-per-accepted-value');
  await expect(perTicket).toHaveText(MONEY);

  // The waterfall ends on the tile's figure: seven bars from sticker cost to cost per ticket.
  const waterfall = page.getByTestId('waterfall');
  await expect(waterfall.locator('rect[data-step]')).toHaveCount(7);
  await expect(waterfall).toContainText('Sticker cost of tokens');
  await expect(waterfall).toContainText('+ Idle capacity');
  await expect(waterfall.locator('text').last()).toHaveText((await perTicket.textContent()) ?? '');
  await waterfall.getByRole('button', { name: 'Per 1M useful tokens' }).click();
  await expect(page).toHaveURL(/[?&]basis=per_1m_useful/);
  await expect(waterfall.locator('text').last()).toHaveText(
    (await page.getByTestId('tile-cut-value').textContent()) ?? '',
  );

  await expectMarks(page.getByTestId('breakdown-chart'), BARS, 2);
  await expectMarks(page.getByTestId('split-chart'), BARS, 2);
  await expectMarks(page.getByTestId('pareto-chart'), DOTS, 2);
  await expectMarks(page.getByTestId('daily-chart'), LINES, 1);
  await expect(page.getByTestId('rejections')).toContainText('workflows');
  const decisions = page.getByTestId('decisions-section');
  await expect(decisions).toContainText('What-if');
  await expect(decisions).toContainText('API or GPU pool');
  await screenshot(page, 'workload-customer-support');

  // The breakdown dimension is URL state.
  await page.getByRole('group', { name: 'Break down by' }).getByRole('button', { name: 'Pool' }).click();
  await expect(page).toHaveURL(/[?&]by=pool/);
  await expect(page.getByTestId('breakdown-table')).toContainText('h100-a');
  await expect(page.getByTestId('breakdown-table')).toContainText('managed API');

  // A model filter narrows every figure and is in the URL.
  const tco = page.getByTestId('tile-tco-value');
  const before = await tco.textContent();
  await page.getByLabel('Model', { exact: true }).selectOption('llama-3.1-70b-instruct');
  await expect(page).toHaveURL(/[?&]model=llama-3\.1-70b-instruct/);
  await expect(tco).not.toHaveText(before ?? '');
  await expect(tco).toHaveText(MONEY);
  expect(problems).toEqual([]);
});

test('a class with no traffic in the chosen filters says what would fill it', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/workloads/customer_support?model=text-embedding-3-small');
  await expect(page.getByTestId('workload-empty')).toContainText('workload_class: "customer_support"');
  expect(problems).toEqual([]);
});
