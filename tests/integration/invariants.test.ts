import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as metrics } from '@/app/api/v1/metrics/route';
import { setDatabase } from '@/db/instance';
import { ensureAdminKey } from '@/db/writes/keys';
import { getIngestContext, invalidateIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import type { CutEvent } from '@/lib/events/event';
import { usdToPico } from '@/lib/money';
import { clearTelemetry, freshDatabase, type TestDatabase } from './support/database';
import { arbEvent, insertRandomEventsBook, toEvents } from './support/random-events';

// The five invariants of cut-model.md 5, checked through the metrics API on random event sets.
let db: TestDatabase;
const FROM = '2026-04-01';
const TO = '2026-04-03';

beforeAll(async () => {
  db = await freshDatabase();
  setDatabase(db);
  await ensureAdminKey(db, ADMIN_KEY);
  await insertRandomEventsBook(db, '2026-01-01');
});
afterAll(() => db.destroy());

async function reset(policy: 'share' | 'separate') {
  await clearTelemetry(db);
  await db.query(`delete from settings where key = 'idle_policy'`);
  await db.query(`insert into settings (key, value) values ('idle_policy', $1::jsonb)`, [JSON.stringify(policy)]);
  invalidateIngestContext(db);
}

async function ingest(events: CutEvent[], batch: number) {
  for (let i = 0; i < events.length; i += batch) {
    await writeEventBatch(db, events.slice(i, i + batch), await getIngestContext(db));
  }
}

const ADMIN_KEY = 'invariants-admin-key';
type Row = Record<string, string | number | null>;
async function read(groupBy: string): Promise<Row[]> {
  const res = await metrics(
    new Request(`http://cut.test/api/v1/metrics?from=${FROM}&to=${TO}&group_by=${groupBy}`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    }),
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { rows: Row[] }).rows;
}

const pico = (v: unknown) => usdToPico(String(v));
const sumOf = (rows: Row[], field: string) => rows.reduce((acc, r) => acc + pico(r[field]), 0n);
const MONEY = /^-?\d+\.\d{6,}$/;

describe.each(['share', 'separate'] as const)('under the %s idle policy', (policy) => {
  let run = 0;
  it('layers add up to TCO in every slice, teams (with __unallocated__) add up to the total, money is decimal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbEvent, { minLength: 1, maxLength: 60 }), async (specs) => {
        await reset(policy);
        await ingest(toEvents(specs, run++), 25);
        const [total] = await read('');
        const byTeam = await read('team');
        const fine = await read('day,team,workload_class,model,provider,pool');
        for (const row of [total!, ...byTeam, ...fine]) {
          const layers = ['l1_usd', 'l2_usd', 'l3_usd', 'l4_usd', 'l5_usd'].reduce((a, f) => a + pico(row[f]), 0n);
          expect(layers).toBe(pico(row.tco_usd));
          for (const f of ['tco_usd', 'l1_usd', 'l2_usd', 'l3_usd', 'l4_usd', 'l5_usd']) expect(row[f]).toMatch(MONEY);
        }
        // Each row is exact to the pico-dollar and printed to the micro-dollar (half-up), so slices
        // add up to the total within half a micro-dollar per row: far inside a cent.
        const within = (rows: Row[]) => {
          const diff = sumOf(rows, 'tco_usd') - pico(total!.tco_usd);
          return (diff < 0n ? -diff : diff) <= BigInt(rows.length) * 500_000n;
        };
        expect(within(byTeam)).toBe(true);
        expect(within(fine)).toBe(true);
        if (policy === 'separate' && sumOf(byTeam, 'idle_usd') > 0n) {
          expect(byTeam.find((r) => r.team === '__unallocated__')).toBeDefined();
        }
      }),
      { numRuns: 8 },
    );
  });

  it('re-sending, reordering and re-batching the events changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbEvent, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 17 }),
        async (specs, batch) => {
          const events = toEvents(specs, run++);
          await reset(policy);
          await ingest(events, 50);
          const first = await read('day,team');
          await ingest(events, batch); // re-sent: all duplicates
          expect(await read('day,team')).toEqual(first);
          await reset(policy);
          await ingest([...events].reverse(), batch);
          expect(await read('day,team')).toEqual(first);
        },
      ),
      { numRuns: 6 },
    );
  });
});

describe('no binary float where money is stored (invariant 4)', () => {
  it('every money, price, rate and GPU-time column is numeric', async () => {
    const cols = await db.query<{ table_name: string; column_name: string; data_type: string }>(
      `select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public' and (column_name ~ '(usd|cost|price|rate|gpu_hours|per_1m|weight|tokens)')`,
    );
    expect(cols.length).toBeGreaterThan(30);
    const floats = cols.filter((c) => ['real', 'double precision'].includes(c.data_type));
    expect(floats).toEqual([]);
  });
});
