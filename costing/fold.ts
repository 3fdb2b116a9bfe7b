import type { Database } from '../db/client';
import { lockDaysSharedSql } from '../db/day-locks';
import { getEventsOfTransaction } from '../db/queries/events-of-transaction';
import { getPendingBatches, hasPendingBatches } from '../db/queries/pending';
import { getSettings } from '../db/queries/settings';
import { claimPendingBatches, type ClaimedBatch } from '../db/writes/pending';
import { mergeDeltas, prepareStaging } from '../db/writes/staging';
import { isDatabaseUnavailable } from '../lib/errors';
import { reportingDayFormatter } from '../lib/reporting-day';
import { aggregateBatch, type BatchDeltas } from '../lib/rollup/aggregate';
import { holdDeltas, releaseOrphans, takeDeltas } from './held-deltas';
import { combineDeltas } from '../lib/rollup/merge-deltas';

/** Batches folded per transaction: enough to share the merge's fixed cost, few enough to keep locks short. */
const FOLD_BATCHES = 64;

/**
 * A claimed batch's deltas: held by this process, or else summed again from its stored events,
 * exactly as ingest summed them (the events carry the costs they were priced at).
 */
async function deltasOf(tx: Database, batch: ClaimedBatch, dayOf: () => Promise<(at: Date) => string>) {
  const held = takeDeltas(batch.token);
  if (held) return { deltas: held, held: true };
  return { deltas: aggregateBatch(await getEventsOfTransaction(tx, batch), await dayOf()), held: false };
}

/**
 * Folds pending ingest batches into the rollups and workflows, oldest first, many per merge, and
 * returns how many it folded. Each fold takes its batches' days shared, as ingest does, so a
 * re-pricing of one of those days (exclusive) never sees a batch half folded. Safe to run from
 * several places at once: a batch is claimed by deleting it, so each is folded exactly once.
 * With `day`, only batches touching that day are folded (a re-pricing of it, which holds its lock).
 */
export async function foldPending(db: Database, options: { day?: number } = {}): Promise<number> {
  let folded = 0;
  for (;;) {
    const found = await getPendingBatches(db, FOLD_BATCHES, options.day);
    // Every pending batch is in view: deltas held for none of them were folded elsewhere.
    if (options.day === undefined && found.length < FOLD_BATCHES) releaseOrphans(new Set(found.map((b) => b.token)));
    if (found.length === 0) return folded;
    const taken = new Map<string, BatchDeltas>();
    try {
      folded += await db.transaction(async (tx) => {
        // A fold lost in a crash is lost whole, its batches' deletion too, so they are folded again:
        // its commit need not wait for the disk, which the batches' own commits already did.
        const days = [...new Set(found.flatMap((b) => b.days))];
        // Sent together: the claim follows the locks without waiting for their answer.
        const [, claimed] = await Promise.all([
          prepareStaging(tx, `set local synchronous_commit = off;\n${lockDaysSharedSql(days)}`),
          claimPendingBatches(
            tx,
            found.map((b) => b.seq),
          ),
        ]);
        if (claimed.length === 0) return 0;
        let formatter: Promise<(at: Date) => string> | undefined;
        const dayOf = () => (formatter ??= getSettings(tx).then((s) => reportingDayFormatter(s.reporting_time_zone)));
        const batches: BatchDeltas[] = [];
        for (const batch of claimed) {
          const { deltas, held } = await deltasOf(tx, batch, dayOf);
          if (held) taken.set(batch.token, deltas);
          batches.push(deltas);
        }
        await mergeDeltas(tx, combineDeltas(batches));
        return claimed.length;
      });
    } catch (err) {
      // The batches are still pending: the deltas this process held are held again for the next fold.
      for (const [token, deltas] of taken) holdDeltas(token, () => deltas);
      throw err;
    }
    if (found.length < FOLD_BATCHES) return folded;
  }
}

/** Folds only when something is pending: what a read runs first, for the cost of one look. */
export async function foldIfPending(db: Database): Promise<void> {
  if (await hasPendingBatches(db)) await foldPending(db);
}

/**
 * How long a fold waits for more batches: a tenth of a second behind ingest, a few batches a
 * merge. The fold's statements run beside ingest (on the database's other cores), so waiting
 * longer saves little and delays the figures.
 */
const FOLD_DELAY_MS = 100;
const scheduled = new WeakMap<Database, { timer: NodeJS.Timeout | null; running: Promise<void> | null }>();

/**
 * Asks for a fold soon, after an ingest request has been answered. Requests within FOLD_DELAY_MS
 * share one fold, and one fold runs at a time per database; a failure is left for the
 * background worker's next tick (and reads fold for themselves), so ingest never waits on it.
 */
export function scheduleFold(db: Database, onError: (err: unknown) => void = logFoldError): void {
  let state = scheduled.get(db);
  if (!state) scheduled.set(db, (state = { timer: null, running: null }));
  if (state.timer) return;
  const s = state;
  s.timer = setTimeout(() => {
    s.timer = null;
    const previous = s.running ?? Promise.resolve();
    s.running = previous
      .then(() => foldPending(db))
      .then(
        () => {},
        (err: unknown) => {
          if (!isDatabaseUnavailable(err)) onError(err);
        },
      );
  }, FOLD_DELAY_MS);
  s.timer.unref?.();
}

/**
 * Runs at once the fold that `scheduleFold` has asked for, waits for it and for any fold already
 * running, then folds what is still pending: afterwards everything ingested so far is folded.
 */
export async function drainFolds(db: Database): Promise<void> {
  const s = scheduled.get(db);
  if (s?.timer) {
    clearTimeout(s.timer);
    s.timer = null;
  }
  await s?.running;
  await foldPending(db);
}

function logFoldError(err: unknown): void {
  console.error(`cut: folding ingest batches failed (the background worker retries): ${String(err)}`);
}
