import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { BARS, expectMarks, LAPTOP, MONEY, screenshot, watchForProblems } from './support';

test.use({ viewport: LAPTOP });

test('the weekly review shows every class, the movers and failure modes, and follows the week', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/weekly');
  await expect(page.getByRole('heading', { level: 1, name: 'Weekly review' })).toBeVisible();
  const table = page.getByTestId('weekly-table');
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table).toContainText('per resolved ticket');
  await expect(page.getByTestId('tile-run-rate-value')).toHaveText(MONEY);
  await expect(page.getByTestId('movers').getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('movers')).toContainText(/L\d /);
  await expect(page.getByTestId('failures')).toContainText('Customer support:');
  await expectMarks(page.getByTestId('weekly-chart'), BARS, 5);
  const decisions = page.getByTestId('decisions-section');
  await expect(decisions).toContainText('Migration recommendations');
  await expect(decisions).toContainText('What-if');
  await screenshot(page, 'weekly');

  const runRate = await page.getByTestId('tile-run-rate-value').textContent();
  const week = await page.getByTestId('week-label').textContent();
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(page).toHaveURL(/[?&]week=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('week-label')).not.toHaveText(week ?? '');
  await expect(page.getByTestId('tile-run-rate-value')).not.toHaveText(runRate ?? '');
  expect(problems).toEqual([]);
});

test('the Markdown export downloads the figures on the page', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/weekly');
  const runRate = (await page.getByTestId('tile-run-rate-value').textContent()) ?? '';
  const week = (await page.getByTestId('week-label').textContent()) ?? '';
  expect(runRate).toMatch(MONEY);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cut-weekly-review-\d{4}-\d{2}-\d{2}\.md$/);
  const md = await readFile((await download.path())!, 'utf8');
  expect(md.split('\n')[0]).toBe(`# Weekly TCO review: ${week}`);
  expect(md).toContain(`a monthly run rate of ${runRate}`);
  for (const name of [
    'Customer support',
    'Agentic coding',
    'Document review',
    'Internal knowledge assistant',
    'Long-context research',
  ]) {
    expect(md).toMatch(new RegExp(`^\\| ${name} \\| \\$[\\d,.]+`, 'm'));
  }
  expect(md).toContain('per resolved ticket');
  expect(md).toContain('## Biggest movers');
  expect(md).toContain('## Top failure modes');
  expect(problems).toEqual([]);
});

test('printing leaves out navigation and controls', async ({ page }) => {
  await page.goto('/weekly');
  await expect(page.getByTestId('weekly-table')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Download Markdown' })).toBeHidden();
  await expect(page.getByRole('group', { name: 'Filters' })).toBeHidden();
  await expect(page.getByTestId('weekly-table')).toBeVisible();
  await screenshot(page, 'weekly-print');
});
