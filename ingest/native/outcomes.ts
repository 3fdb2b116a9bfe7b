import type { Database } from '../../db/client';
import { insertOutcomes } from '../../db/writes/outcomes';
import type { CutOutcome } from '../../lib/events/event';
import { itemId, type IngestResult, type Rejection } from './batch';
import { toFieldErrors } from './field-errors';
import type { IngestScope } from './events';
import { toCutOutcome, WireOutcomeSchema } from './outcome-schema';

/** Like events: each outcome validated on its own, the valid ones stored atomically and idempotently. */
export async function ingestOutcomes(
  db: Database,
  items: readonly unknown[],
  scope: IngestScope,
): Promise<IngestResult> {
  const rejected: Rejection[] = [];
  const valid: CutOutcome[] = [];
  items.forEach((item, index) => {
    const parsed = WireOutcomeSchema.safeParse(item);
    if (!parsed.success) {
      rejected.push({ index, id: itemId(item, 'workflow_id'), errors: toFieldErrors(parsed.error.issues, 'outcome') });
      return;
    }
    const outcome = toCutOutcome(parsed.data);
    if (scope.team !== null) {
      if (outcome.team !== null && outcome.team !== scope.team) {
        const message = `must be "${scope.team}" or absent: this key may only send outcomes for that team`;
        rejected.push({ index, id: outcome.workflowId, errors: [{ path: 'team', message }] });
        return;
      }
      outcome.team = scope.team;
    }
    valid.push(outcome);
  });
  const accepted = await insertOutcomes(db, valid);
  return { accepted, duplicates: valid.length - accepted, rejected };
}
