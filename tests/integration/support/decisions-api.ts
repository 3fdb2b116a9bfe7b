import { expect } from 'vitest';
import * as breakEvenRoute from '@/app/api/v1/break-even/route';
import * as metricsRoute from '@/app/api/v1/metrics/route';
import * as recommendationsRoute from '@/app/api/v1/recommendations/route';
import * as whatIfRoute from '@/app/api/v1/what-if/route';
import type { Database } from '@/db/client';
import { setDatabase } from '@/db/instance';
import type { WhatIfBody } from '@/lib/api/what-if-wire';
import type { BreakEvenBody } from '@/lib/decisions/break-even-answer';
import type { MetricsRow } from '@/lib/metrics/derive';
import { adminHeaders } from './admin-key';

/** The decisions endpoints over their route handlers, against `db` as the process database. */
export function decisionsApi(db: Database) {
  const call = async (handler: (r: Request) => Promise<Response>, request: Request) => {
    setDatabase(db);
    for (const [name, value] of Object.entries(await adminHeaders(db))) request.headers.set(name, value);
    const response = await handler(request);
    const text = await response.text();
    // No NaN or Infinity may reach a client, whatever the answer.
    expect(text).not.toMatch(/NaN|Infinity/);
    return { status: response.status, body: JSON.parse(text) as unknown };
  };
  return {
    whatIf: (body: unknown) =>
      call(
        whatIfRoute.POST,
        new Request('http://cut.test/api/v1/what-if', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
    async whatIfOk(body: unknown): Promise<WhatIfBody> {
      const { status, body: answer } = await this.whatIf(body);
      expect(status, JSON.stringify(answer)).toBe(200);
      return answer as WhatIfBody;
    },
    breakEven: (query: Record<string, string>) =>
      call(breakEvenRoute.GET, new Request(`http://cut.test/api/v1/break-even?${new URLSearchParams(query)}`)),
    async breakEvenOk(query: Record<string, string>): Promise<BreakEvenBody> {
      const { status, body } = await this.breakEven(query);
      expect(status, JSON.stringify(body)).toBe(200);
      return body as BreakEvenBody;
    },
    recommendations: (query: Record<string, string>) =>
      call(
        recommendationsRoute.GET,
        new Request(`http://cut.test/api/v1/recommendations?${new URLSearchParams(query)}`),
      ),
    async metricsRow(query: Record<string, string>): Promise<MetricsRow> {
      const { status, body } = await call(
        metricsRoute.GET,
        new Request(`http://cut.test/api/v1/metrics?${new URLSearchParams(query)}`),
      );
      expect(status).toBe(200);
      const rows = (body as { rows: MetricsRow[] }).rows;
      expect(rows).toHaveLength(1);
      return rows[0]!;
    },
  };
}

/** The five layers of a row add up to its TCO, to the micro-dollar. */
export function expectLayersAddUp(row: MetricsRow) {
  const micro = (s: string) => BigInt(s.replace('.', ''));
  const sum = (['l1_usd', 'l2_usd', 'l3_usd', 'l4_usd', 'l5_usd'] as const).reduce((a, k) => a + micro(row[k]), 0n);
  expect(sum, JSON.stringify(row)).toBe(micro(row.tco_usd));
}
