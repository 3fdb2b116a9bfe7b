import type { PriceBookData } from '../../lib/costing/pricebook';
import type { PreparedBatch } from './prepare';

/** What the pool tells a worker: the pricing context to use from now on, or a body to prepare. */
export type ToWorker =
  | { type: 'context'; serial: number; book: PriceBookData; timeZone: string; version: number }
  | { type: 'prepare'; job: number; serial: number; body: Uint8Array; team: string | null };

export type FromWorker = { type: 'ready' } | { type: 'done'; job: number; batch: PreparedBatch | null };
