/**
 * A Database that passes every call through and records what it sent and how long the server
 * took to answer, so a phase can say which statements its time went to (the rest is Node).
 * Begin and commit are timed as their own line. drizzle (`orm`) calls are not seen.
 */
import type { Database } from '../../../db/client';

export interface Traced {
  label: string;
  text: string;
  values: unknown[];
  ms: number;
}

/** A statement's first words, with literals and numbers blurred, so repeats share a label. */
const labelOf = (text: string) =>
  text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/'[^']*'/g, "'?'")
    .replace(/\b\d+\b/g, '?')
    .slice(0, 70);

export function traced(inner: Database, log: Traced[] = []): { db: Database; log: Traced[] } {
  const timed = async <T>(label: string, text: string, values: unknown[], run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      log.push({ label, text, values, ms: performance.now() - started });
    }
  };
  const db: Database = {
    kind: inner.kind,
    inTransaction: inner.inTransaction,
    get orm() {
      return inner.orm;
    },
    query: (text, values = []) => timed(labelOf(text), text, values, () => inner.query(text, values)),
    eachRow: (text, values, onRow) => timed(labelOf(text), text, values, () => inner.eachRow(text, values, onRow)),
    exec: (text) => timed(labelOf(text), text, [], () => inner.exec(text)),
    // Every option is passed on: ingest sends its checks with the COPY and sums a batch's deltas
    // meanwhile, and a traced pass must do the same work at the same moment as the product.
    copyFrom: (table, columns, rows, options) =>
      timed(`copy ${table}`, `copy ${table}`, [], () => inner.copyFrom(table, columns, rows, options)),
    async transaction(fn) {
      if (inner.inTransaction) return fn(traced(inner, log).db);
      const started = performance.now();
      let inside = 0;
      try {
        return await inner.transaction(async (tx) => {
          const entered = performance.now();
          try {
            return await fn(traced(tx, log).db);
          } finally {
            inside = performance.now() - entered;
          }
        });
      } finally {
        const ms = performance.now() - started - inside;
        log.push({ label: 'begin + commit', text: 'begin/commit', values: [], ms });
      }
    },
    close: () => inner.close(),
  };
  return { db, log };
}

/** Time per label, largest first, with call counts. */
export function byLabel(log: readonly Traced[]): Array<{ label: string; ms: number; calls: number }> {
  const sums = new Map<string, { ms: number; calls: number }>();
  for (const t of log) {
    const s = sums.get(t.label) ?? { ms: 0, calls: 0 };
    s.ms += t.ms;
    s.calls += 1;
    sums.set(t.label, s);
  }
  return [...sums].map(([label, s]) => ({ label, ...s })).sort((a, b) => b.ms - a.ms);
}
