import type { Permission } from '@/lib/access/roles';
import path from 'node:path';
import { callAs, nextIp, type AccessApp } from '../support/access';

type Handler = (request: Request) => Promise<Response>;

/** A route file's exported handlers, by method. */
export const loadRoute = async (file: string) =>
  (await import(path.join(process.cwd(), file))) as Record<string, Handler | undefined>;

/**
 * Every route handler (app/**\/route.ts x exported method) and the access it must enforce. The
 * matrix test fails when a handler exists that is not listed here: a new route gets a row, with
 * a request that succeeds for a caller who is allowed (it may create what it needs first).
 */
export type RouteAccess = Permission | 'public';

export interface RouteCase {
  file: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  access: RouteAccess;
  request(app: AccessApp): Promise<RouteRequest> | RouteRequest;
}

interface RouteRequest {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const price = {
  provider: 'openai',
  model: 'gpt-matrix',
  input_usd_per_1m: '0.15',
  cached_input_usd_per_1m: '0.075',
  output_usd_per_1m: '0.60',
  effective_from: '2026-01-01',
};
const pool = { gpu_type: 'H100', gpu_count: 2, usd_per_gpu_hour: '4.00', effective_from: '2026-01-01' };
const fixedCost = {
  name: 'Vector store',
  layer: 2,
  category: 'storage',
  monthly_usd: '100',
  rule: 'weighted',
  effective_from: '2026-03-01',
};
const event = (id: string) => ({
  id,
  timestamp: '2026-05-04T10:00:00Z',
  team: 'support',
  workload_class: 'customer_support',
  model: 'gpt-matrix',
  provider: 'openai',
  input_tokens: 100,
  output_tokens: 10,
  latency_ms: 100,
});

let sequence = 0;
const unique = () => `${process.pid}-${++sequence}`;

/** Makes what a request needs through the API itself, as the admin key. */
async function asAdmin(app: AccessApp, file: string, method: string, path: string, body: unknown) {
  const handler = (await loadRoute(file))[method]!;
  const response = await callAs(handler, method, path, app.headers.admin_key, body);
  if (!response.ok) throw new Error(`setup ${method} ${path} failed: ${response.status} ${await response.text()}`);
  return response.json();
}

const fixedCostId = async (app: AccessApp): Promise<number> =>
  (await asAdmin(app, 'app/api/v1/fixed-costs/route.ts', 'POST', '/api/v1/fixed-costs', fixedCost)).fixed_cost.id;

const keyId = async (app: AccessApp): Promise<number> =>
  (await asAdmin(app, 'app/api/v1/keys/route.ts', 'POST', '/api/v1/keys', { name: `doomed ${unique()}` })).id;

const repricingJobId = async (app: AccessApp): Promise<number> =>
  (await asAdmin(app, 'app/api/v1/prices/route.ts', 'PUT', '/api/v1/prices', price)).repricing_job.id;

const webhookId = async (app: AccessApp): Promise<number> =>
  (
    await asAdmin(app, 'app/api/v1/webhooks/route.ts', 'POST', '/api/v1/webhooks', {
      url: `https://hooks.example.com/doomed-${unique()}`,
    })
  ).webhook.id;

/** Months that have ended, one per successful close, oldest first (a month needs no telemetry to close). */
let closing = 0;
const nextMonthToClose = () => {
  const d = new Date(Date.UTC(2024, closing++, 1));
  return d.toISOString().slice(0, 7);
};

const poolName = async (app: AccessApp): Promise<string> => {
  await asAdmin(app, 'app/api/v1/pools/[name]/route.ts', 'PUT', '/api/v1/pools/matrix-pool', pool);
  return 'matrix-pool';
};

/** A call of team support on 2026-05-04, sent once per app with the ingest key: what the figure reads need. */
const withCost = new WeakSet<AccessApp>();
async function supportCost(app: AccessApp): Promise<void> {
  if (withCost.has(app)) return;
  const handler = (await loadRoute('app/api/v1/events/route.ts')).POST!;
  const body = { events: [event(`cost-${unique()}`)] };
  const response = await callAs(handler, 'POST', '/api/v1/events', app.headers.ingest_key, body);
  if (!response.ok) throw new Error(`setup events failed: ${response.status} ${await response.text()}`);
  // a read folds the batch in, which registers team support
  await asAdmin(app, 'app/api/v1/metrics/route.ts', 'GET', `/api/v1/metrics?${RANGE}`, undefined);
  withCost.add(app);
}

const RANGE = 'from=2026-05-01&to=2026-05-07';
const MONTH = 'month=2026-05';
/** A read of figures that needs a call on record first. */
const figures = (path: string) => async (app: AccessApp) => {
  await supportCost(app);
  return { path };
};

export const ROUTES: readonly RouteCase[] = [
  { file: 'app/api/health/route.ts', method: 'GET', access: 'public', request: () => ({ path: '/api/health' }) },
  {
    file: 'app/api/auth/[...all]/route.ts',
    method: 'GET',
    access: 'public',
    request: () => ({ path: '/api/auth/get-session' }),
  },
  {
    file: 'app/api/auth/[...all]/route.ts',
    method: 'POST',
    access: 'public',
    // Signing in is open to anyone who knows a password; each call from its own address.
    request: () => ({
      path: '/api/auth/sign-in/email',
      body: { email: 'ops@cut.test', password: 'correct horse ops battery' },
      headers: { 'x-forwarded-for': nextIp() },
    }),
  },
  {
    file: 'app/api/v1/metrics/route.ts',
    method: 'GET',
    access: 'figures:read',
    request: () => ({ path: `/api/v1/metrics?${RANGE}&group_by=day` }),
  },
  {
    file: 'app/api/v1/rejections/route.ts',
    method: 'GET',
    access: 'figures:read',
    request: () => ({ path: `/api/v1/rejections?${RANGE}&group_by=team` }),
  },
  {
    file: 'app/api/v1/cost-split/route.ts',
    method: 'GET',
    access: 'figures:read',
    request: () => ({ path: `/api/v1/cost-split?${RANGE}&group_by=team` }),
  },
  {
    file: 'app/api/v1/dimensions/route.ts',
    method: 'GET',
    access: 'figures:read',
    request: () => ({ path: '/api/v1/dimensions' }),
  },
  {
    file: 'app/api/v1/pool-usage/route.ts',
    method: 'GET',
    access: 'figures:all',
    request: () => ({ path: `/api/v1/pool-usage?${RANGE}` }),
  },
  {
    file: 'app/api/v1/chargeback/route.ts',
    method: 'GET',
    access: 'figures:read',
    request: figures(`/api/v1/chargeback?${MONTH}`),
  },
  {
    file: 'app/api/v1/chargeback/route.ts',
    method: 'GET',
    access: 'figures:read',
    request: figures(`/api/v1/chargeback?${MONTH}&format=csv`),
  },
  {
    file: 'app/api/v1/chargeback/route.ts',
    method: 'GET',
    access: 'figures:read',
    request: figures(`/api/v1/chargeback?${MONTH}&format=focus`),
  },
  {
    file: 'app/api/v1/chargeback/route.ts',
    method: 'GET',
    access: 'figures:read',
    request: figures(`/api/v1/chargeback?${MONTH}&format=focus_manifest`),
  },
  {
    file: 'app/api/v1/chargeback/teams/[team]/route.ts',
    method: 'GET',
    access: 'figures:read',
    // support is the team_viewer's team; another team's drill-down is a 403 (access-teams.test.ts)
    request: figures(`/api/v1/chargeback/teams/support?${MONTH}`),
  },
  {
    file: 'app/api/v1/months/route.ts',
    method: 'GET',
    access: 'figures:read',
    request: () => ({ path: '/api/v1/months' }),
  },
  {
    file: 'app/api/v1/budgets/route.ts',
    method: 'GET',
    access: 'figures:read',
    request: figures(`/api/v1/budgets?${MONTH}`),
  },
  {
    file: 'app/api/v1/budgets/[team]/route.ts',
    method: 'PUT',
    access: 'finance:write',
    request: async (app) => {
      await supportCost(app);
      return { path: '/api/v1/budgets/support', body: { monthly_usd: '1000' } };
    },
  },
  {
    file: 'app/api/v1/budgets/[team]/route.ts',
    method: 'DELETE',
    access: 'finance:write',
    request: async (app) => {
      await supportCost(app);
      return { path: '/api/v1/budgets/support' };
    },
  },
  {
    file: 'app/api/v1/months/[month]/close/route.ts',
    method: 'POST',
    access: 'finance:write',
    // each allowed caller closes a month of its own; a closed month cannot be closed twice
    request: () => ({ path: `/api/v1/months/${nextMonthToClose()}/close` }),
  },
  {
    file: 'app/api/v1/webhooks/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: () => ({ path: '/api/v1/webhooks' }),
  },
  {
    file: 'app/api/v1/webhooks/route.ts',
    method: 'POST',
    access: 'finance:write',
    request: () => ({ path: '/api/v1/webhooks', body: { url: `https://hooks.example.com/${unique()}` } }),
  },
  {
    file: 'app/api/v1/webhooks/[id]/route.ts',
    method: 'DELETE',
    access: 'finance:write',
    request: async (app) => ({ path: `/api/v1/webhooks/${await webhookId(app)}` }),
  },
  {
    file: 'app/api/v1/webhooks/deliveries/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: () => ({ path: '/api/v1/webhooks/deliveries' }),
  },
  {
    file: 'app/api/v1/what-if/route.ts',
    method: 'POST',
    access: 'figures:all',
    request: async (app) => {
      await supportCost(app);
      return {
        path: '/api/v1/what-if',
        body: { from: '2026-05-01', to: '2026-05-07', workload_class: 'customer_support' },
      };
    },
  },
  {
    file: 'app/api/v1/break-even/route.ts',
    method: 'GET',
    access: 'figures:all',
    request: async (app) => {
      await supportCost(app);
      await repricingJobId(app); // the class's model needs a price to compare
      const pool = await poolName(app);
      return {
        path: `/api/v1/break-even?workload_class=customer_support&pool=${pool}&tokens_per_gpu_hour=1000000&${RANGE}`,
      };
    },
  },
  {
    file: 'app/api/v1/recommendations/route.ts',
    method: 'GET',
    access: 'figures:all',
    request: figures(`/api/v1/recommendations?${RANGE}`),
  },
  {
    file: 'app/api/v1/decision-options/route.ts',
    method: 'GET',
    access: 'figures:all',
    request: figures(`/api/v1/decision-options?${RANGE}`),
  },
  {
    file: 'app/(dashboard)/settings/jobs/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: () => ({ path: '/settings/jobs' }),
  },
  {
    file: 'app/v1/traces/route.ts',
    method: 'POST',
    access: 'ingest',
    request: () => ({ path: '/v1/traces', body: { resourceSpans: [] } }),
  },
  {
    file: 'app/api/v1/audit/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: () => ({ path: '/api/v1/audit' }),
  },
  {
    file: 'app/api/v1/repricing/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: () => ({ path: '/api/v1/repricing' }),
  },
  {
    file: 'app/api/v1/repricing/[id]/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: async (app) => ({ path: `/api/v1/repricing/${await repricingJobId(app)}` }),
  },
  {
    file: 'app/api/v1/prices/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: () => ({ path: '/api/v1/prices' }),
  },
  {
    file: 'app/api/v1/prices/route.ts',
    method: 'PUT',
    access: 'settings:write',
    request: () => ({ path: '/api/v1/prices', body: price }),
  },
  {
    file: 'app/api/v1/pools/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: () => ({ path: '/api/v1/pools' }),
  },
  {
    file: 'app/api/v1/pools/[name]/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: async (app) => ({ path: `/api/v1/pools/${await poolName(app)}` }),
  },
  {
    file: 'app/api/v1/pools/[name]/route.ts',
    method: 'PUT',
    access: 'settings:write',
    request: () => ({ path: '/api/v1/pools/h100-matrix', body: pool }),
  },
  {
    file: 'app/api/v1/fixed-costs/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: () => ({ path: '/api/v1/fixed-costs' }),
  },
  {
    file: 'app/api/v1/fixed-costs/route.ts',
    method: 'POST',
    access: 'settings:write',
    request: () => ({ path: '/api/v1/fixed-costs', body: fixedCost }),
  },
  {
    file: 'app/api/v1/fixed-costs/[id]/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: async (app) => ({ path: `/api/v1/fixed-costs/${await fixedCostId(app)}` }),
  },
  {
    file: 'app/api/v1/fixed-costs/[id]/route.ts',
    method: 'PUT',
    access: 'settings:write',
    request: async (app) => ({ path: `/api/v1/fixed-costs/${await fixedCostId(app)}`, body: fixedCost }),
  },
  {
    file: 'app/api/v1/fixed-costs/[id]/route.ts',
    method: 'DELETE',
    access: 'settings:write',
    request: async (app) => ({ path: `/api/v1/fixed-costs/${await fixedCostId(app)}` }),
  },
  {
    file: 'app/api/v1/settings/route.ts',
    method: 'GET',
    access: 'settings:read',
    request: () => ({ path: '/api/v1/settings' }),
  },
  {
    file: 'app/api/v1/settings/route.ts',
    method: 'PUT',
    access: 'settings:write',
    request: () => ({ path: '/api/v1/settings', body: { strict_registry: false } }),
  },
  { file: 'app/api/v1/keys/route.ts', method: 'GET', access: 'keys:manage', request: () => ({ path: '/api/v1/keys' }) },
  {
    file: 'app/api/v1/keys/route.ts',
    method: 'POST',
    access: 'keys:manage',
    request: () => ({ path: '/api/v1/keys', body: { name: `matrix ${unique()}` } }),
  },
  {
    file: 'app/api/v1/keys/[id]/route.ts',
    method: 'DELETE',
    access: 'keys:manage',
    request: async (app) => ({ path: `/api/v1/keys/${await keyId(app)}` }),
  },
  {
    file: 'app/api/v1/events/route.ts',
    method: 'POST',
    access: 'ingest',
    request: () => ({ path: '/api/v1/events', body: { events: [event(`matrix-${unique()}`)] } }),
  },
  {
    file: 'app/api/v1/outcomes/route.ts',
    method: 'POST',
    access: 'ingest',
    request: () => ({
      path: '/api/v1/outcomes',
      body: {
        outcomes: [{ workflow_id: `wf-${unique()}`, acceptance_status: 'accepted', timestamp: '2026-05-04T12:00:00Z' }],
      },
    }),
  },
];
