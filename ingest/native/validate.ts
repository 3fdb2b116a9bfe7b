import type { CutEvent } from '../../lib/events/event';
import { itemId, type Rejection } from './batch';
import { toCutEvent, WireEventSchema } from './event-schema';
import type { IngestScope } from './events';
import { fastCutEvent } from './fast-event';
import { toFieldErrors, type FieldError } from './field-errors';

/** The event, or the broken rules; the fast path takes valid events, zod explains the rest. */
export function validateEvent(item: unknown): CutEvent | { errors: FieldError[] } {
  const fast = fastCutEvent(item);
  if (fast) return fast;
  const parsed = WireEventSchema.safeParse(item);
  return parsed.success ? toCutEvent(parsed.data) : { errors: toFieldErrors(parsed.error.issues) };
}

export interface ValidatedItems {
  valid: Array<{ index: number; event: CutEvent }>;
  /** in item order */
  rejected: Rejection[];
}

/** Checks every item on its own: its rules, then whether the key may send for its team. */
export function validateEvents(items: readonly unknown[], scope: IngestScope): ValidatedItems {
  const rejected: Rejection[] = [];
  const valid: Array<{ index: number; event: CutEvent }> = [];
  items.forEach((item, index) => {
    const event = validateEvent(item);
    if ('errors' in event) {
      rejected.push({ index, id: itemId(item, 'id'), errors: event.errors });
    } else if (scope.team !== null && event.team !== scope.team) {
      const message = `must be "${scope.team}": this key may only send events for that team`;
      rejected.push({ index, id: event.id, errors: [{ path: 'team', message }] });
    } else {
      valid.push({ index, event });
    }
  });
  return { valid, rejected };
}
