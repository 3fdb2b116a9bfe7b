import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyRow } from '@/db/copy-text';
import { workflowRows } from '@/db/writes/workflows';
import { ACCEPTANCE } from '@/lib/events/event';
import { formatUnits } from '@/lib/money';
import type { WorkflowDelta } from '@/lib/rollup/aggregate';

/** The row as the generic encoder makes it from the fields: what workflowRows must reproduce. */
function referenceRow(w: WorkflowDelta): string {
  const iso = (at: Date) => at.toISOString();
  const nano = formatUnits(w.usefulNanoTokens, 9, 9).replace(/0+$/, '').replace(/\.$/, '');
  // prettier-ignore
  return copyRow([
    w.team, w.workflowId, w.workloadClass, iso(w.firstEventAt), iso(w.lastEventAt), w.day, w.model, w.provider,
    w.pool, w.attributedRank, iso(w.attributedAt), w.events, w.acceptanceStatus,
    w.acceptanceAt && iso(w.acceptanceAt), w.rejectionReason, nano, w.lastEventId, w.attributedEventId,
    w.acceptanceEventId,
  ]);
}

const str = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '\\', '\t', '\n', '\r', '"', ' ', 'é', '😀') });
const instant = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const workflowArb: fc.Arbitrary<WorkflowDelta> = fc
  .record({
    team: str,
    workflowId: str,
    workloadClass: str,
    firstEventAt: instant,
    lastEventAt: instant,
    day: fc.constant('2026-04-01'),
    model: str,
    provider: str,
    pool: str,
    attributedRank: fc.constantFrom(-1, 0, 1),
    attributedAt: instant,
    events: fc.nat(10_000),
    acceptanceStatus: fc.constantFrom(...ACCEPTANCE),
    acceptanceAt: maybe(instant),
    rejectionReason: maybe(str),
    usefulNanoTokens: fc.bigInt({ min: 0n, max: 10n ** 20n }),
    lastEventId: str,
    attributedEventId: str,
    acceptanceEventId: maybe(str),
    // The attribution and the acceptance are often the last event's own instant.
    sameInstant: fc.boolean(),
  })
  .map(({ sameInstant, ...w }) =>
    sameInstant ? { ...w, attributedAt: new Date(w.lastEventAt), acceptanceAt: new Date(w.lastEventAt) } : w,
  );

describe('workflowRows writes the same COPY text as the generic encoder', () => {
  it('for any workflow facts, escapes and nulls included', () => {
    fc.assert(
      fc.property(fc.array(workflowArb, { maxLength: 5 }), (workflows) => {
        expect(workflowRows(workflows)).toEqual(workflows.map(referenceRow));
      }),
      { numRuns: 2_000 },
    );
  });
});
