import { expect, type Locator, type Page } from '@playwright/test';
import { demoWindow } from '@/lib/demo/calendar';
import { incidentWindow } from '@/lib/demo/simulate';

/** Console errors, uncaught exceptions and failed or >= 400 responses seen while a page was open. */
export function watchForProblems(page: Page): string[] {
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

export const MONEY = /^\$\d{1,3}(,\d{3})*\.\d{2,}$/;

/** A chart with real marks drawn, not only an empty container. */
export async function expectMarks(chart: Locator, selector: string, atLeast = 1): Promise<void> {
  await expect(chart.locator('svg').first()).toBeVisible();
  await expect.poll(() => chart.locator(selector).count()).toBeGreaterThanOrEqual(atLeast);
}

export const BARS = '.recharts-bar-rectangle';
export const LINES = 'path.recharts-line-curve';
export const DOTS = '.recharts-scatter-symbol';

export async function screenshot(page: Page, name: string): Promise<void> {
  // from the top: a sticky sidebar is drawn where the page was scrolled to
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** The demo's incident day (the retry storm), as the server generated it for today. */
export function demoIncidentDay(): string {
  const now = new Date();
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [from] = incidentWindow(demoWindow(end, 90));
  return new Date(from).toISOString().slice(0, 10);
}

/** Every page is checked at a laptop's 1280 px. */
export const LAPTOP = { width: 1280, height: 800 };
