import type { Database } from '../../db/client';
import { getRegisteredSlugs } from '../../db/queries/registry';
import type { CutEvent } from '../../lib/events/event';
import { getIngestContext, invalidateIngestContext } from '../context';
import { writeEventBatch, type BatchContext } from '../write-batch';
import { parseJson } from '../http/read-body';
import { getEventPreparer } from '../parallel/registry';
import { storePreparedBatch } from '../parallel/store';
import { envelopeItems, type IngestResult, type Rejection } from './batch';
import { validateEvents } from './validate';

/** Who is sending: a key scoped to one team may only send that team's data. */
export interface IngestScope {
  team: string | null;
}

/**
 * Validates every event on its own, stores the valid ones as one atomic batch, and answers
 * per event: a bad event never costs its valid neighbours their place. OTLP ingest maps its
 * spans to these same wire events and comes through here too.
 */
export async function ingestEvents(db: Database, items: readonly unknown[], scope: IngestScope): Promise<IngestResult> {
  const ctx = await getIngestContext(db);
  const fresh = async (): Promise<BatchContext> => {
    invalidateIngestContext(db);
    return { ...(await getIngestContext(db)), reload: fresh };
  };
  const validated = validateEvents(items, scope);
  const rejected = validated.rejected;
  let valid = validated.valid;

  if (ctx.settings.strict_registry && valid.length > 0) {
    valid = await rejectUnregistered(db, valid, rejected);
  }
  const stored = valid.length
    ? await writeEventBatch(
        db,
        valid.map((v) => v.event),
        { ...ctx, reload: fresh },
        { fold: 'later' },
      )
    : { accepted: 0, duplicates: 0 };
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: stored.accepted, duplicates: stored.duplicates, rejected };
}

/**
 * The events route's entry: the raw body goes to a worker thread for parsing, validation, pricing
 * and encoding when a pool is running, and the request thread only writes the result. Rollups and
 * workflows are left for the folder (the caller schedules it: costing/fold.ts). Anything
 * the prepared write cannot take (a malformed body, strict_registry, ids already stored, a
 * changed price book) goes the ordinary way, which answers exactly as it always has.
 */
export async function ingestEventBody(
  db: Database,
  body: Buffer,
  scope: IngestScope,
): Promise<{ items: number; result: IngestResult }> {
  const preparer = getEventPreparer();
  if (preparer && !db.inTransaction) {
    const ctx = await getIngestContext(db);
    const batch = ctx.settings.strict_registry ? null : await preparer.prepare(body, scope, ctx);
    const result = batch && (await storePreparedBatch(db, batch));
    if (batch && result) return { items: batch.items, result };
  }
  const items = envelopeItems(parseJson(body), 'events');
  return { items: items.length, result: await ingestEvents(db, items, scope) };
}

/** With `strict_registry` on, teams and classes must be registered before data arrives for them. */
async function rejectUnregistered(
  db: Database,
  valid: Array<{ index: number; event: CutEvent }>,
  rejected: Rejection[],
): Promise<Array<{ index: number; event: CutEvent }>> {
  const known = await getRegisteredSlugs(
    db,
    [...new Set(valid.map((v) => v.event.team))],
    [...new Set(valid.map((v) => v.event.workloadClass))],
  );
  return valid.filter(({ index, event }) => {
    const errors = [];
    if (!known.teams.has(event.team)) {
      errors.push({ path: 'team', message: 'is not a registered team (strict_registry is on): register it first' });
    }
    if (!known.classes.has(event.workloadClass)) {
      errors.push({
        path: 'workload_class',
        message: 'is not a registered workload class (strict_registry is on): register it first',
      });
    }
    if (errors.length) rejected.push({ index, id: event.id, errors });
    return errors.length === 0;
  });
}
