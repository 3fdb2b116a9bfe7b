import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createIngestKey } from '@/app/(dashboard)/settings/actions/keys';
import { savePrice } from '@/app/(dashboard)/settings/actions/pricebook';
import { loadSettings } from '@/app/(dashboard)/settings/actions/read';
import { addWebhook, saveBudget, switchIdlePolicy } from '@/app/(dashboard)/teams/actions';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { GET as getMetrics } from '@/app/api/v1/metrics/route';
import { accessApp, callAs, type AccessApp, type CallerName } from './support/access';

/**
 * Server actions are public POST endpoints whatever page shows them: each checks the signed-in
 * person's permission itself (settings:write, keys:manage, finance:write), and the audit log
 * names that person. The request's cookie is what next/headers hands the action.
 */
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));
// set by next.config.ts (experimental.authInterrupts) in the app; forbidden() refuses without it
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = '1';

let app: AccessApp;
const as = (caller: CallerName) => {
  request.headers = new Headers(app.headers[caller]);
};

/** What Next's forbidden() and redirect() throw: the response they stand for is in the digest. */
async function refusal(action: Promise<unknown>): Promise<string> {
  const err = (await action.then(
    () => null,
    (e: unknown) => e,
  )) as { digest?: string } | null;
  expect(err, 'the action ran').not.toBeNull();
  return err!.digest ?? String(err);
}

const price = {
  provider: 'openai',
  model: 'gpt-actions',
  input_usd_per_1m: '0.15',
  cached_input_usd_per_1m: '0.075',
  output_usd_per_1m: '0.60',
  effective_from: '2026-01-01',
};

const lastActor = async (entity: string) =>
  (
    await app.db.query<{ actor: string }>(`select actor from audit_log where entity = $1 order by id desc limit 1`, [
      entity,
    ])
  )[0]?.actor;

beforeAll(async () => {
  app = await accessApp();
  const event = {
    id: 'a-1',
    timestamp: '2026-05-04T10:00:00Z',
    team: 'support',
    workload_class: 'customer_support',
    model: 'gpt-4o-mini',
    provider: 'openai',
    input_tokens: 10,
    output_tokens: 10,
    latency_ms: 5,
  };
  expect((await callAs(postEvents, 'POST', '/api/v1/events', app.headers.ingest_key, { events: [event] })).status).toBe(
    200,
  );
  // a read folds the batch in, which registers team support
  await callAs(getMetrics, 'GET', '/api/v1/metrics?from=2026-05-01&to=2026-05-07', app.headers.admin_key);
});
afterAll(() => app.db.destroy());

describe('Settings actions', () => {
  it('signed out: sent to the sign-in page, nothing saved', async () => {
    as('anonymous');
    expect(await refusal(savePrice(price))).toMatch(/^NEXT_REDIRECT;.*\/login/);
  });

  it.each(['finance', 'ops', 'team_viewer'] as const)('%s may not change the price book (403)', async (who) => {
    as(who);
    expect(await refusal(savePrice(price))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('an admin saves a price, audited under their email', async () => {
    as('admin');
    const result = await savePrice(price);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(await lastActor('model_price')).toBe('user:admin@cut.test');
  });

  it('keys: only who manages keys creates one, and only they see the list', async () => {
    as('finance');
    expect(await refusal(createIngestKey({ name: 'from finance' }))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect((await loadSettings()).keys).toBeNull();
    as('admin');
    const created = await createIngestKey({ name: 'from admin' });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    expect(await lastActor('api_key')).toBe('user:admin@cut.test');
    expect((await loadSettings()).keys?.map((k) => k.name)).toContain('from admin');
  });

  it('a team_viewer may not even read Settings', async () => {
    as('team_viewer');
    expect(await refusal(loadSettings())).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });
});

describe('Teams page actions', () => {
  it.each(['ops', 'team_viewer'] as const)('%s may not set a budget or add a webhook (403)', async (who) => {
    as(who);
    expect(await refusal(saveBudget({ team: 'support', monthly_usd: '10' }))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await refusal(addWebhook({ url: 'https://hooks.example.com/x', secret: '' }))).toBe(
      'NEXT_HTTP_ERROR_FALLBACK;403',
    );
  });

  it('finance sets a budget, audited under their email, but may not switch the idle policy', async () => {
    as('finance');
    const saved = await saveBudget({ team: 'support', monthly_usd: '10' });
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    expect(await lastActor('budget')).toBe('user:finance@cut.test');
    expect(await refusal(switchIdlePolicy('separate'))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('an admin switches the idle policy, audited under their email', async () => {
    as('admin');
    expect(await switchIdlePolicy('separate')).toMatchObject({ ok: true });
    expect(await lastActor('setting')).toBe('user:admin@cut.test');
  });
});
