import { randomBytes } from 'node:crypto';
import type { BatchDeltas } from '../lib/rollup/aggregate';

/**
 * Deltas of this process's pending batches, held in memory until the folder merges them. A
 * pending batch's row only names it (a token) and how to find its events; the deltas themselves
 * never go through the database. A batch whose deltas are not here (written by another process,
 * held so long they were let go, or before a restart) is folded from its stored events instead.
 *
 * What is held is how to work the deltas out. Ingest sums them while the server stores the
 * batch's rows (the request is waiting on the server then, so the sum costs it nothing), and the
 * folder takes the sum; a batch whose sum has not run yet is summed when the folder takes it.
 */
const PROCESS = randomBytes(6).toString('hex');
/** Held longer than this, deltas are let go: their batch is then folded from its events. */
const HOLD_MS = 5 * 60_000;
let counter = 0;
const held = new Map<string, { deltas: () => BatchDeltas; at: number }>();

export const newBatchToken = () => `${PROCESS}:${++counter}`;

export function holdDeltas(token: string, deltas: () => BatchDeltas, now = Date.now()): void {
  held.set(token, { deltas, at: now });
  // Insertion order is age order: the oldest are first.
  for (const [t, h] of held) {
    if (now - h.at <= HOLD_MS) break;
    held.delete(t);
  }
}

/** The deltas held for `token`, no longer held; undefined when this process does not hold them. */
export function takeDeltas(token: string): BatchDeltas | undefined {
  const h = held.get(token);
  held.delete(token);
  return h?.deltas();
}

/** Lets deltas go whose batch was never written (its transaction failed). */
export const releaseDeltas = (token: string) => void held.delete(token);

/** How long a batch's transaction may take to commit before its deltas are taken for orphans. */
const ORPHAN_MS = 30_000;

/**
 * Lets go of deltas held longer than ORPHAN_MS whose batch is not among `pending` (every pending
 * batch's token): another process folded it from its events, so nothing here would take them.
 */
export function releaseOrphans(pending: ReadonlySet<string>, now = Date.now()): void {
  for (const [token, h] of held) {
    if (now - h.at <= ORPHAN_MS) break;
    if (!pending.has(token)) held.delete(token);
  }
}
