/**
 * The COPY text the product writes for a set of priced events, taken from the product itself:
 * insertNewEvents (in its `direct` mode, the one ingest uses) runs against a stand-in database
 * that records its copyFrom instead of writing.
 * The raw COPY baseline then loads byte-for-byte what ingest loads, and follows any change to
 * the row encoding without a copy of it living here.
 */
import type { Database } from '../../../db/client';
import { insertNewEvents } from '../../../db/writes/events';
import type { PricedEvent } from '../../../lib/rollup/aggregate';

export interface CopyText {
  columns: readonly string[];
  rows: string;
}

export async function productCopyText(priced: readonly PricedEvent[]): Promise<CopyText> {
  const copies: CopyText[] = [];
  const recorder: Database = {
    kind: 'postgres',
    inTransaction: true,
    get orm(): never {
      throw new Error('insertNewEvents used drizzle: the bench can no longer capture its COPY text');
    },
    // No key is stored yet, so the existence probe finds none and every row is COPYed.
    query: async () => [],
    eachRow: async () => {},
    exec: async () => {},
    copyFrom: async (_table, columns, rows) => void copies.push({ columns, rows }),
    transaction: (fn) => fn(recorder),
    close: async () => {},
  };
  await insertNewEvents(recorder, priced, 'direct');
  if (copies.length !== 1) {
    throw new Error(
      `insertNewEvents made ${copies.length} COPYs for one batch (expected 1): update tests/bench/lib/product-copy-text.ts`,
    );
  }
  return copies[0]!;
}
