import type { Database } from '../../db/client';
import { getRegisteredSlugs } from '../../db/queries/registry';
import type { CutEvent } from '../../lib/events/event';
import { getIngestContext, invalidateIngestContext } from '../context';
import { writeEventBatch, type BatchContext } from '../write-batch';
import { itemId, type IngestResult, type Rejection } from './batch';
import { toCutEvent, WireEventSchema } from './event-schema';
import { toFieldErrors } from './field-errors';

/** Who is sending: a key scoped to one team may only send that team's data. */
export interface IngestScope {
  team: string | null;
}

/**
 * Validates every event on its own, stores the valid ones as one atomic batch, and answers
 * per event: a bad event never costs its valid neighbours their place.
 */
export async function ingestEvents(db: Database, items: readonly unknown[], scope: IngestScope): Promise<IngestResult> {
  const ctx = await getIngestContext(db);
  const fresh = async (): Promise<BatchContext> => {
    invalidateIngestContext(db);
    return { ...(await getIngestContext(db)), reload: fresh };
  };
  const rejected: Rejection[] = [];
  let valid: Array<{ index: number; event: CutEvent }> = [];
  items.forEach((item, index) => {
    const parsed = WireEventSchema.safeParse(item);
    if (!parsed.success) {
      rejected.push({ index, id: itemId(item, 'id'), errors: toFieldErrors(parsed.error.issues) });
    } else if (scope.team !== null && parsed.data.team !== scope.team) {
      const message = `must be "${scope.team}": this key may only send events for that team`;
      rejected.push({ index, id: parsed.data.id, errors: [{ path: 'team', message }] });
    } else {
      valid.push({ index, event: toCutEvent(parsed.data) });
    }
  });

  if (ctx.settings.strict_registry && valid.length > 0) {
    valid = await rejectUnregistered(db, valid, rejected);
  }
  const stored = valid.length
    ? await writeEventBatch(
        db,
        valid.map((v) => v.event),
        { ...ctx, reload: fresh },
      )
    : { accepted: 0, duplicates: 0 };
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: stored.accepted, duplicates: stored.duplicates, rejected };
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
