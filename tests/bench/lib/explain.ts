/**
 * The plan of a slow dashboard query, taken from the product's own SQL: the query function runs
 * on a traced handle, and the statement that took longest is explained with real timings.
 */
import type { Database } from '../../../db/client';
import { traced } from './traced-db';

/** EXPLAIN (ANALYZE, BUFFERS) of the slowest statement `fn` sends, with JIT off as the product runs it. */
export async function explainSlowest(db: Database, fn: (db: Database) => Promise<unknown>): Promise<string> {
  const { db: tracing, log } = traced(db);
  await fn(tracing);
  const slowest = log
    .filter((t) => t.values.length > 0 || /^\s*select/i.test(t.text))
    .reduce<(typeof log)[number] | null>((a, b) => (a && a.ms >= b.ms ? a : b), null);
  if (!slowest) return '(no statement went through query())';
  const plan = await db.transaction(async (tx) => {
    await tx.query('set local jit = off');
    return tx.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${slowest.text}`, slowest.values);
  });
  return plan.map((r) => r['QUERY PLAN']).join('\n');
}
