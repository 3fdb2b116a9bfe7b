import { expect, test } from '@playwright/test';
import { LAPTOP, MONEY, screenshot, watchForProblems } from './support';
import { E2E_ADMIN } from '../../playwright.config';

test.use({ viewport: LAPTOP });

test('a price edit in Settings re-prices, says when it is done, and the Overview figure follows', async ({
  page,
  request,
}) => {
  const problems = watchForProblems(page);
  const dims = (await (await request.get('/api/v1/dimensions')).json()) as { data_range: { from: string } };

  await page.goto('/?model=gpt-4o-mini');
  const tco = page.getByTestId('tile-tco-value');
  await expect(tco).toHaveText(MONEY);
  const before = await tco.textContent();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await screenshot(page, 'settings');
  await page.getByRole('button', { name: 'New price for openai/gpt-4o-mini' }).click();
  const form = page.getByTestId('price-form-panel');
  await expect(form).toContainText('New price for openai/gpt-4o-mini');
  await form.getByLabel('Input, USD per 1M tokens', { exact: true }).fill('15');
  await form.getByLabel('Output, USD per 1M tokens', { exact: true }).fill('60');
  await form.getByLabel('Effective from', { exact: true }).fill(dims.data_range.from);
  await form.getByLabel('Source', { exact: true }).fill('e2e: a 100x price to see it move');
  await form.getByRole('button', { name: 'Save price' }).click();

  // Progress shows while the save re-prices (a small change is re-priced before the save answers).
  const latest = page.getByTestId('repricing-latest');
  await expect(latest).toContainText('price openai/gpt-4o-mini', { timeout: 60_000 });
  await expect(form.getByRole('status')).toContainText('the price of openai/gpt-4o-mini', { timeout: 120_000 });
  await expect(latest).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(latest).toContainText(/done, [\d,]+ events re-priced over \d+ days/);
  await expect(page.getByTestId('prices-table')).toContainText('$60.00');

  // Client-side navigation: the cached figures were dropped, so the Overview reads the new ones.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByLabel('Model', { exact: true }).selectOption('gpt-4o-mini');
  await expect(tco).toHaveText(MONEY);
  await expect(tco).not.toHaveText(before ?? '');
  await page.reload();
  await expect(tco).not.toHaveText(before ?? '');

  // Audited as the person who made it.
  await page.goto('/settings?tab=audit');
  await expect(page.getByTestId('audit').getByRole('row').nth(1)).toContainText(`user:${E2E_ADMIN.email}`);
  await expect(page.getByTestId('audit').getByRole('row').nth(1)).toContainText('model_price');
  expect(problems).toEqual([]);
});

test('a bad value is refused with the field and the rule, and nothing is saved', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/settings');
  const form = page.getByTestId('price-form-panel');
  await form.getByLabel('Provider', { exact: true }).fill('acme');
  await form.getByLabel('Model', { exact: true }).fill('rocket-1');
  await form.getByLabel('Input, USD per 1M tokens', { exact: true }).fill('abc');
  await form.getByLabel('Cached input, USD per 1M tokens', { exact: true }).fill('0.1');
  await form.getByLabel('Output, USD per 1M tokens', { exact: true }).fill('-1');
  await form.getByRole('button', { name: 'Save price' }).click();
  await expect(form.getByRole('alert')).toContainText('input_usd_per_1m: must be a decimal number');
  await expect(form.getByLabel('Input, USD per 1M tokens', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('must be >= 0');
  await expect(page.getByTestId('prices-table')).not.toContainText('rocket-1');
  expect(problems).toEqual([]);
});

test('an ingest key is shown once, works, and stops working when revoked', async ({ page, request }) => {
  const problems = watchForProblems(page);
  await page.goto('/settings?tab=keys');
  await page.getByLabel('Name', { exact: true }).fill('e2e-sender');
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByTestId('new-key');
  await expect(shown).toContainText('shown this once');
  const key = (await shown.locator('code').textContent()) ?? '';
  expect(key).toMatch(/^cut_ingest_/);
  await screenshot(page, 'settings-keys');

  const event = {
    id: `e2e-${Date.now()}`,
    timestamp: new Date().toISOString(),
    team: 'support',
    workload_class: 'customer_support',
    model: 'gpt-4o-mini',
    provider: 'openai',
    input_tokens: 10,
    output_tokens: 5,
    latency_ms: 100,
  };
  const send = () =>
    request.post('/api/v1/events', { headers: { authorization: `Bearer ${key}` }, data: { events: [event] } });
  expect((await send()).status()).toBe(200);

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Revoke key e2e-sender' }).click();
  await expect(page.getByTestId('keys')).toContainText(/revoked \d{4}-/);
  expect((await send()).status()).toBe(401);
  expect(problems).toEqual([]);
});

test('the other sections render their tables and forms', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/settings');
  const sections = page.getByRole('navigation', { name: 'Settings sections' });
  await sections.getByRole('link', { name: 'GPU pools' }).click();
  await expect(page).toHaveURL(/[?&]tab=pools/);
  await expect(page.getByTestId('pools-table')).toContainText('h100-a');
  await sections.getByRole('link', { name: 'Fixed costs' }).click();
  await expect(page.getByTestId('fixed-costs').getByRole('row').nth(1)).toBeVisible();
  await sections.getByRole('link', { name: 'Policies & unit costs' }).click();
  await expect(page.getByRole('group', { name: 'Idle GPU capacity' })).toBeVisible();
  await expect(page.getByLabel('Reporting time zone', { exact: true })).toHaveValue('UTC');
  await sections.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByTestId('audit')).toBeVisible();
  expect(problems).toEqual([]);
});
