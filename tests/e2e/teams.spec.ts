import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';

/** Console errors, uncaught exceptions and failed or >= 400 responses seen while a page was open. */
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
const cents = (text: string | null) => Math.round(Number((text ?? '').replace(/[$,]/g, '')) * 100);

test('the Teams page shows a row per team that adds up to the month, and a team drills down', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 900 }); // the narrowest desktop the page is made for
  await page.goto('/teams');
  await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();
  const table = page.getByTestId('chargeback-table');
  await expect(table).toBeVisible();
  const rows = table.locator('tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(3);
  await expect(page.getByTestId('tco-total')).toHaveText(money);
  await expect(page.getByTestId('reconciliation')).toContainText('Reconciled:');
  await expect(page.getByTestId('idle-policy')).toContainText('Idle GPU capacity:');
  await expect(page.getByTestId('policies').getByText('shared by fixed percentages').first()).toBeVisible();

  // The TCO cells add up to the total, to the cent, as printed.
  const tcos = await table.locator('tbody [data-testid^="tco-"]').allTextContents();
  expect(tcos.reduce((s, t) => s + cents(t), 0)).toBe(cents(await page.getByTestId('tco-total').textContent()));

  await page.screenshot({ path: 'test-results/screenshots/teams.png', fullPage: true });

  const first = rows.first().getByRole('link');
  const teamName = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: teamName })).toBeVisible();
  await expect(page.getByTestId('team-days').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('by-class').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('by-model').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('team-tco-value')).toHaveText(money);
  await page.screenshot({ path: 'test-results/screenshots/team-detail.png', fullPage: true });
  expect(problems).toEqual([]);
});

test('the plain and FOCUS CSVs download from the page', async ({ page }) => {
  await page.goto('/teams');
  const total = await page.getByTestId('tco-total').textContent();

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV', exact: true }).click();
  const csv = parse(readFileSync((await (await csvDownload).path())!, 'utf8'), { columns: true }) as Array<
    Record<string, string>
  >;
  const totalRow = csv.find((r) => r.team === 'TOTAL')!;
  expect(cents(totalRow.tco_usd!)).toBe(cents(total));
  const teams = csv.filter((r) => r.team !== 'TOTAL');
  expect(teams.reduce((s, r) => s + cents(r.tco_usd!), 0)).toBe(cents(total));

  const focusDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'FOCUS CSV' }).click();
  const focus = parse(readFileSync((await (await focusDownload).path())!, 'utf8'), { columns: true }) as Array<
    Record<string, string>
  >;
  expect(focus.length).toBeGreaterThan(100);
  const effective = focus
    .filter((r) => r.ChargeClass === '')
    .reduce((s, r) => s + BigInt(r.EffectiveCost!.replace('.', '')), 0n);
  expect(Number(effective / 10_000n)).toBe(cents(total));
});

test('switching the idle policy moves idle cost to the unallocated line and keeps the total', async ({ page }) => {
  await page.goto('/teams');
  const total = await page.getByTestId('tco-total').textContent();
  const policy = page.getByRole('form', { name: 'Idle capacity policy' });
  const before = await page.getByTestId('idle-policy').textContent();
  const target = before?.includes('(share)') ? 'Keep on the unallocated line' : "Share over each pool's users";
  const back = before?.includes('(share)') ? "Share over each pool's users" : 'Keep on the unallocated line';

  const firstTeam = page.getByTestId('chargeback-table').locator('tbody tr').first();
  const firstTeamId = (await firstTeam.getAttribute('data-testid'))!.replace('row-', '');
  const teamBefore = await page.getByTestId(`tco-${firstTeamId}`).textContent();

  await policy.getByLabel(target).check();
  await policy.getByRole('button', { name: 'Apply' }).click();
  await expect(policy.getByRole('status')).toContainText('Idle policy set to');
  await expect(page.getByTestId('idle-policy')).not.toHaveText(before ?? '');
  await expect(page.getByTestId('tco-total')).toHaveText(total ?? '');
  await expect(page.getByTestId('reconciliation')).toContainText('Reconciled:');
  if (target.startsWith('Keep')) await expect(page.getByTestId('row-__unallocated__')).toBeVisible();
  await expect(page.getByTestId(`tco-${firstTeamId}`)).not.toHaveText(teamBefore ?? '');
  await page.screenshot({ path: 'test-results/screenshots/teams-separate.png', fullPage: true });

  await policy.getByLabel(back).check();
  await policy.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('idle-policy')).toHaveText(before ?? '');
  await expect(page.getByTestId('tco-total')).toHaveText(total ?? '');
});

test('the API refuses a malformed or future month and a bad budget, naming the field', async ({
  request,
  playwright,
  baseURL,
}) => {
  const bad = await request.get('/api/v1/chargeback?month=2026-13');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/^month: /);
  const future = await request.get('/api/v1/chargeback?month=2099-01');
  expect(future.status()).toBe(400);
  expect((await future.json()).error.message).toContain('future');
  // signed out, a change is a 401; signed in, a cross-site one is a 403
  const signedOut = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const unauth = await signedOut.put('/api/v1/budgets/support', { data: { monthly_usd: '-5' } });
  expect(unauth.status()).toBe(401);
  await signedOut.dispose();
  const crossSite = await request.put('/api/v1/budgets/support', {
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    data: { monthly_usd: '5' },
  });
  expect(crossSite.status()).toBe(403);
});
