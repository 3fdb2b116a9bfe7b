import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.destroy());

const SERIES = 'select i, i::text || $1 as label, null::int as nothing from generate_series(1, 5000) as i';

describe('Database.eachRow', () => {
  it('hands over every row, in order, as an array of its columns', async () => {
    const rows: unknown[][] = [];
    await db.eachRow(SERIES, ['x'], (row) => rows.push(row));
    expect(rows).toHaveLength(5000);
    expect(rows[0]).toEqual([1, '1x', null]);
    expect(rows[4999]).toEqual([5000, '5000x', null]);
  });

  it("fails with the callback's first error, and the handle and its transaction go on working", async () => {
    let calls = 0;
    const after = await db.transaction(async (tx) => {
      const failed = tx.eachRow(SERIES, ['x'], ([i]) => {
        calls++;
        if ((i as number) >= 10) throw new Error(`stop at ${String(i)}`);
      });
      await expect(failed).rejects.toThrow('stop at 10');
      return tx.query<{ n: number }>('select 1 as n');
    });
    expect(after).toEqual([{ n: 1 }]);
    expect(calls).toBe(10);
  });
});
