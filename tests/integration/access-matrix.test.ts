import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoute, ROUTES, type RouteAccess } from './access/routes';
import { accessApp, CALLERS, callAs, type AccessApp, type CallerName } from './support/access';

/**
 * The role x endpoint matrix: every route handler, called by every kind of caller, answers as
 * this table says (200 = any 2xx). Written out by hand, not derived from lib/access/roles.ts, so
 * a wrong entry there or a wrong permission in a route both fail here.
 */
type Cell = 200 | 401 | 403;
const row = (cells: Cell[]): Record<CallerName, Cell> =>
  Object.fromEntries(CALLERS.map((c, i) => [c, cells[i]!])) as Record<CallerName, Cell>;

// prettier-ignore
const EXPECTED: Record<RouteAccess, Record<CallerName, Cell>> = {
  //                  anon  admin fin  ops  tview adm_k ing_k rd_fin rd_ops rd_tv
  public:        row([200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
  'figures:read':   row([401, 200, 200, 200, 200, 200, 403, 200, 200, 200]),
  'figures:all':    row([401, 200, 200, 200, 403, 200, 403, 200, 200, 403]),
  'settings:read':  row([401, 200, 200, 200, 403, 200, 403, 200, 200, 403]),
  'settings:write': row([401, 200, 403, 403, 403, 200, 403, 403, 403, 403]),
  'finance:write':  row([401, 200, 200, 403, 403, 200, 403, 403, 403, 403]),
  'keys:manage':    row([401, 200, 403, 403, 403, 200, 403, 403, 403, 403]),
  'users:manage':   row([401, 200, 403, 403, 403, 200, 403, 403, 403, 403]),
  ingest:        row([401, 403, 403, 403, 403, 403, 200, 403, 403, 403]),
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name)
      ? [path.relative(process.cwd(), full).split(path.sep).join('/')]
      : [];
  });
}

let app: AccessApp;
beforeAll(async () => {
  app = await accessApp();
});
afterAll(() => app.db.destroy());

describe('every route is in the matrix', () => {
  it('each exported handler of each app/**/route.ts has a row in tests/integration/access/routes.ts', async () => {
    const handlers: string[] = [];
    for (const file of routeFiles(path.join(process.cwd(), 'app'))) {
      const exported = await loadRoute(file);
      for (const method of METHODS) if (typeof exported[method] === 'function') handlers.push(`${method} ${file}`);
    }
    const listed = new Set(ROUTES.map((r) => `${r.method} ${r.file}`));
    const missing = handlers.filter((h) => !listed.has(h));
    expect(missing, 'add these to tests/integration/access/routes.ts with the access they need').toEqual([]);
    const stale = [...listed].filter((l) => !handlers.includes(l));
    expect(stale, 'these rows name handlers that no longer exist').toEqual([]);
    expect(handlers.length).toBeGreaterThanOrEqual(25);
  });
});

describe.each(ROUTES)('$method $file ($access)', (route) => {
  it.each([...CALLERS])('%s', async (caller) => {
    const handler = (await loadRoute(route.file))[route.method]!;
    const request = await route.request(app);
    const response = await callAs(
      handler,
      route.method,
      request.path,
      { ...app.headers[caller], ...request.headers },
      request.body,
    );
    const expected = EXPECTED[route.access][caller];
    const detail = `${caller} ${route.method} ${request.path}: ${response.status} ${await response.clone().text()}`;
    if (expected === 200) expect(response.status >= 200 && response.status < 300, detail).toBe(true);
    else expect(response.status, detail).toBe(expected);
    if (expected !== 200 && route.access !== 'public') {
      // OTLP answers with a google.rpc.Status, whose ErrorInfo carries the same code
      const body = (await response.json()) as { error?: { code: string }; details?: Array<{ reason?: string }> };
      expect(body.error?.code ?? body.details?.[0]?.reason).toBe(expected === 401 ? 'unauthorized' : 'forbidden');
    }
  });
});
