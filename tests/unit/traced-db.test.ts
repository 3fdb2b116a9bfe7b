import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { byLabel, traced } from '../bench/lib/traced-db';

/** A stand-in database that records what reaches it. */
function recorder() {
  const calls: string[] = [];
  const handle = (inTransaction: boolean): Database => ({
    kind: 'postgres',
    inTransaction,
    get orm(): never {
      throw new Error('not used');
    },
    query: async (text) => (calls.push(`query ${text}`), []),
    eachRow: async (text) => void calls.push(`eachRow ${text}`),
    exec: async (text) => void calls.push(`exec ${text}`),
    async copyFrom(table, _columns, rows, options) {
      calls.push(`copy ${table} ${rows.length}${options?.first ? ` after ${options.first}` : ''}`);
      options?.meanwhile?.();
    },
    transaction: (fn) => fn(handle(true)),
    close: async () => {},
  });
  return { db: handle(false), calls };
}

describe('the bench’s traced database', () => {
  it('passes a COPY’s options on, so a traced ingest does what the product does when it does', async () => {
    const { db, calls } = recorder();
    const { db: tracing, log } = traced(db);
    let ran = 0;
    await tracing.transaction((tx) =>
      tx.copyFrom('events', ['a'], 'x\n', { meanwhile: () => ran++, first: 'select 1' }),
    );
    expect(ran).toBe(1);
    expect(calls).toEqual(['copy events 2 after select 1']);
    expect(byLabel(log).map((l) => [l.label, l.calls])).toEqual(
      expect.arrayContaining([
        ['copy events', 1],
        ['begin + commit', 1],
      ]),
    );
  });

  it('labels statements by their first words with literals blurred, so repeats add up', async () => {
    const { db } = recorder();
    const { db: tracing, log } = traced(db);
    await tracing.exec(`insert into t values ('a', 1)`);
    await tracing.exec(`insert into t values ('b', 22)`);
    expect(byLabel(log)).toEqual([{ label: "insert into t values ('?', ?)", ms: expect.any(Number), calls: 2 }]);
  });
});
