import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleDays } from '@/costing/settle';
import { groupedSql } from '@/db/queries/dashboard-sql';
import { getMetricSums, type MetricSumsParams } from '@/db/queries/metrics';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import type { CutEvent } from '@/lib/events/event';
import { mergeHistograms } from '@/lib/histogram';
import { FILTER_KEYS, GROUP_KEYS } from '@/lib/metrics/keys';
import { usdToPico } from '@/lib/money';
import { clearTelemetry, freshDatabase, type TestDatabase } from './support/database';
import { arbEvent, insertRandomEventsBook, toEvents } from './support/random-events';

// The metrics query reads histograms and allocations from settled_sums, which settling builds;
// here the same figures are worked out from daily_rollups and allocations row by row and must
// match exactly, after a second batch lands on days already settled too.
let db: TestDatabase;
const FROM = '2026-04-01';
const TO = '2026-04-03';

beforeAll(async () => {
  db = await freshDatabase();
  await insertRandomEventsBook(db, '2026-01-01');
});
afterAll(() => db.destroy());

// Latencies from under a millisecond to past the last bucket, TTFT often missing.
const arbTimed = fc.record({
  spec: arbEvent,
  latencyMs: fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 50, max: 5000, noNaN: true })),
  ttftMs: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true })),
});

const VALUES = {
  team: ['alpha', 'beta', 'gamma'],
  workload_class: ['customer_support', 'agentic_coding'],
  model: ['m1', 'm2', 'llama'],
  pool: ['', 'p1', 'p2'],
  provider: ['openai', 'self-hosted'],
};
const arbParams: fc.Arbitrary<MetricSumsParams> = fc.record({
  from: fc.constantFrom(FROM, '2026-04-02'),
  to: fc.constantFrom('2026-04-02', TO),
  groupBy: fc.shuffledSubarray([...GROUP_KEYS], { maxLength: 3 }),
  filters: fc.record(
    Object.fromEntries(FILTER_KEYS.map((k) => [k, fc.subarray(VALUES[k], { minLength: 1 })])) as {
      [K in keyof typeof VALUES]: fc.Arbitrary<string[]>;
    },
    { requiredKeys: [] },
  ),
});

async function ingestAndSettle(events: CutEvent[]) {
  await writeEventBatch(db, events, await getIngestContext(db));
  await settleDays(db, { from: FROM, to: TO });
}

/** Histograms and allocation sums per group, from the finest rows, keyed as getMetricSums keys its rows. */
async function rowByRow(params: MetricSumsParams) {
  const q = groupedSql(params);
  const keyOf = (r: Record<string, unknown>) => JSON.stringify(params.groupBy.map((k) => r[`key_${k}`] ?? null));
  const groups = new Map<string, { latency: number[]; ttft: number[]; alloc: Record<string, bigint> }>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { latency: [], ttft: [], alloc: { l2: 0n, idle: 0n, l4: 0n, l5: 0n } }));
    return g;
  };
  const rollups = await db.query<Record<string, string>>(
    `select ${[...q.select, 'array_to_json(latency_hist)::text as latency', 'array_to_json(ttft_hist)::text as ttft'].join(', ')}
       from daily_rollups where ${q.where}`,
    q.values,
  );
  for (const r of rollups) {
    const g = group(keyOf(r));
    mergeHistograms(g.latency, JSON.parse(r.latency!) as number[]);
    mergeHistograms(g.ttft, JSON.parse(r.ttft!) as number[]);
  }
  const allocations = await db.query<Record<string, string>>(
    `select ${[...q.select, 'layer::text as layer', 'kind::text as kind', 'usd::text as usd'].join(', ')}
       from allocations where ${q.where}`,
    q.values,
  );
  for (const a of allocations) {
    const { alloc } = group(keyOf(a));
    const usd = usdToPico(a.usd!);
    if (a.layer !== '4' && a.layer !== '5') alloc.l2! += usd;
    else alloc[`l${a.layer}`]! += usd;
    if (a.kind === 'idle') alloc.idle! += usd;
  }
  return groups;
}

const trimmed = (hist: number[]) => {
  while (hist.length && hist[hist.length - 1] === 0) hist.pop();
  return hist;
};

describe('metrics read from settled_sums', () => {
  let run = 0;
  it('gives every group the histograms and allocation sums its rollup and allocation rows add up to', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbTimed, { minLength: 1, maxLength: 50 }),
        fc.nat(),
        fc.array(arbParams, { minLength: 3, maxLength: 3 }),
        async (timed, cut, paramSets) => {
          await clearTelemetry(db);
          const events = toEvents(
            timed.map((t) => t.spec),
            run++,
          ).map((e, i) => ({ ...e, latencyMs: timed[i]!.latencyMs, ttftMs: timed[i]!.ttftMs }));
          const split = cut % (events.length + 1);
          await ingestAndSettle(events.slice(0, split));
          await ingestAndSettle(events.slice(split)); // lands on days already settled
          for (const params of paramSets) {
            const expected = await rowByRow(params);
            const rows = await getMetricSums(db, params);
            for (const row of rows) {
              const key = JSON.stringify(params.groupBy.map((k) => row.keys[k] ?? null));
              const want = expected.get(key) ?? { latency: [], ttft: [], alloc: { l2: 0n, idle: 0n, l4: 0n, l5: 0n } };
              expected.delete(key);
              expect(row.latencyHist).toEqual(trimmed(want.latency));
              expect(row.ttftHist).toEqual(trimmed(want.ttft));
              expect([row.allocL2Usd, row.idleUsd, row.allocL4Usd, row.allocL5Usd].map(usdToPico)).toEqual([
                want.alloc.l2,
                want.alloc.idle,
                want.alloc.l4,
                want.alloc.l5,
              ]);
            }
            // every group with rows is in the answer (no keys: the one total row)
            if (params.groupBy.length > 0) expect([...expected.keys()]).toEqual([]);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
