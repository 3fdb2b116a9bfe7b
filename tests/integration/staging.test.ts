import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStaging, STAGE_TRUNCATE_BYTES } from '@/db/writes/staging';
import { freshDatabase, type TestDatabase } from './support/database';

let db: TestDatabase;

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.destroy());

const stagedRows = async (tx: TestDatabase) =>
  (await tx.query<{ n: number }>('select count(*)::int as n from workflows_stage'))[0]!.n;
const stageBytes = async (tx: TestDatabase) =>
  (await tx.query<{ b: number }>(`select pg_relation_size('pg_temp.workflows_stage')::int as b`))[0]!.b;

/** Stages `n` workflow rows of about 600 bytes each. */
const stage = (tx: TestDatabase, n: number) =>
  tx.exec(`insert into workflows_stage (team, workflow_id, workload_class, first_event_at, last_event_at, day,
             model, provider, pool, attributed_at, rejection_reason)
           select 't', 'wf-' || i, 'c', now(), now(), current_date, 'm', 'p', '', now(), repeat('x', 500)
             from generate_series(1, ${n}) as i`);

describe('prepareStaging', () => {
  it('empties the staging tables that an earlier batch in the same transaction filled', async () => {
    await db.transaction(async (tx) => {
      await prepareStaging(tx);
      await stage(tx as TestDatabase, 10);
      expect(await stagedRows(tx as TestDatabase)).toBe(10);
      await prepareStaging(tx);
      expect(await stagedRows(tx as TestDatabase)).toBe(0);
    });
  });

  it('truncates them once their dead rows pass the threshold, and they work as before after that', async () => {
    await db.transaction(async (tx) => {
      const t = tx as TestDatabase;
      await prepareStaging(tx);
      await stage(t, Math.ceil((STAGE_TRUNCATE_BYTES * 1.5) / 600));
      expect(await stageBytes(t)).toBeGreaterThan(STAGE_TRUNCATE_BYTES);
      await prepareStaging(tx);
      expect(await stageBytes(t)).toBe(0);
      expect(await stagedRows(t)).toBe(0);
      await stage(t, 3);
      expect(await stagedRows(t)).toBe(3);
    });
  });
});

describe('cut_add_histograms (the rollup merge of latency and TTFT histograms)', () => {
  const add = async (a: number[], b: number[]) =>
    (
      await db.query<{ h: string }>(`select cut_add_histograms($1::int[], $2::int[])::text as h`, [`{${a}}`, `{${b}}`])
    )[0]!.h;
  it.each([
    [[1, 2, 3], [10, 20, 30], '{11,22,33}'],
    [[1, 2, 3], [10], '{11,2,3}'],
    [[1], [10, 20, 30], '{11,20,30}'],
    [[], [0, 5], '{0,5}'],
    [[4, 0, 1], [], '{4,0,1}'],
    [[], [], '{}'],
  ])('%j + %j = %s, position by position, the longer one setting the length', async (a, b, sum) => {
    expect(await add(a, b)).toBe(sum);
  });
});
