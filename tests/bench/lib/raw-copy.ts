/**
 * The baseline: the same rows COPYed straight into `events`, with no HTTP, validation, staging,
 * rollups or workflows. Building the text (generate, price, encode) happens before the clock.
 */
import type { Database } from '../../../db/client';
import { priceEvent } from '../../../lib/costing/direct';
import type { PriceBook } from '../../../lib/costing/pricebook';
import type { DemoData } from '../../../lib/demo/generate';
import type { PricedEvent } from '../../../lib/rollup/aggregate';
import { productCopyText } from './product-copy-text';

export interface CopyChunks {
  columns: readonly string[];
  chunks: string[];
  rows: number;
  bytes: number;
  ms: number;
}

export async function buildCopyChunks(demo: DemoData, book: PriceBook, chunkRows: number): Promise<CopyChunks> {
  const started = performance.now();
  const chunks: string[] = [];
  let columns: readonly string[] = [];
  let rows = 0;
  let bytes = 0;
  let priced: PricedEvent[] = [];
  const flush = async () => {
    const text = await productCopyText(priced);
    columns = text.columns;
    chunks.push(text.rows);
    rows += priced.length;
    bytes += Buffer.byteLength(text.rows);
    priced = [];
  };
  for (const event of demo.events()) {
    priced.push({ event, cost: priceEvent(event, book) });
    if (priced.length === chunkRows) await flush();
  }
  if (priced.length) await flush();
  return { columns, chunks, rows, bytes, ms: performance.now() - started };
}

/** COPYs every chunk into `events`, one after another; returns the wall time in ms. */
export async function timedCopy(db: Database, copy: CopyChunks): Promise<number> {
  const started = performance.now();
  for (const rows of copy.chunks) await db.copyFrom('events', copy.columns, rows);
  return performance.now() - started;
}
