import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateBatch, type WorkflowDelta } from '@/lib/rollup/aggregate';
import { combineDeltas, mergeWorkflow } from '@/lib/rollup/merge-deltas';
import { makeEvent } from '../support/events';
import { workflowRows } from '@/db/writes/workflows';

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const at = (hhmm: string) => new Date(`2026-04-01T${hhmm}:00Z`);
const cost = {
  base: 1_500_000n,
  source: 'price_book' as const,
  pricebook: 1_500_000n,
  l1: 1_000_000n,
  l2: 0n,
  l3: 500_000n,
  l4: 0n,
};

function workflow(overrides: Partial<WorkflowDelta>): WorkflowDelta {
  return {
    team: 'support',
    workflowId: 'w1',
    workloadClass: 'customer_support',
    firstEventAt: at('10:00'),
    lastEventAt: at('10:00'),
    day: '2026-04-01',
    model: 'm1',
    provider: 'openai',
    pool: '',
    attributedRank: 1,
    attributedAt: at('10:00'),
    events: 1,
    acceptanceStatus: 'pending',
    acceptanceAt: null,
    rejectionReason: null,
    usefulNanoTokens: 10_000_000_000n,
    lastEventId: 'e1',
    attributedEventId: 'e1',
    acceptanceEventId: null,
    ...overrides,
  };
}

describe('mergeWorkflow: the later batch b into a, as MERGE_WORKFLOWS merges it into a stored row', () => {
  it.each([
    [
      'b ends later: class and day follow b',
      { lastEventAt: at('09:00') },
      { lastEventAt: at('11:00'), workloadClass: 'x', day: '2026-04-02' },
      { workloadClass: 'x', day: '2026-04-02', lastEventAt: at('11:00') },
    ],
    [
      'b ends earlier: class and day stay a',
      { lastEventAt: at('11:00') },
      { lastEventAt: at('09:00'), workloadClass: 'x' },
      { workloadClass: 'customer_support', lastEventAt: at('11:00') },
    ],
    [
      'same last instant: the tie goes to the higher event id, in either batch',
      { lastEventId: 'e2' },
      { lastEventId: 'e1', workloadClass: 'x' },
      { workloadClass: 'customer_support', lastEventId: 'e2' },
    ],
    [
      'same last instant and event: b (the same event sent again adds nothing new)',
      {},
      { workloadClass: 'x' },
      { workloadClass: 'x' },
    ],
    [
      'a generation call outranks a later tool call',
      { attributedRank: 1, attributedAt: at('09:00') },
      { attributedRank: 0, attributedAt: at('11:00'), model: 'm2' },
      { model: 'm1', attributedRank: 1 },
    ],
    [
      'equal rank: the later call is attributed',
      { attributedAt: at('09:00') },
      { attributedAt: at('09:30'), model: 'm2' },
      { model: 'm2', attributedAt: at('09:30') },
    ],
    [
      "a pending b keeps a's acceptance",
      { acceptanceStatus: 'accepted', acceptanceAt: at('09:00') },
      {},
      { acceptanceStatus: 'accepted', acceptanceAt: at('09:00') },
    ],
    [
      'the newer acceptance wins',
      { acceptanceStatus: 'accepted', acceptanceAt: at('09:00'), acceptanceEventId: 'e9' },
      { acceptanceStatus: 'rejected', acceptanceAt: at('09:01'), rejectionReason: 'r', acceptanceEventId: 'e1' },
      { acceptanceStatus: 'rejected', rejectionReason: 'r' },
    ],
    [
      'acceptances at the same instant: the higher event id wins',
      { acceptanceStatus: 'accepted', acceptanceAt: at('09:00'), acceptanceEventId: 'e9' },
      { acceptanceStatus: 'rejected', acceptanceAt: at('09:00'), rejectionReason: 'r', acceptanceEventId: 'e1' },
      { acceptanceStatus: 'accepted', acceptanceEventId: 'e9' },
    ],
    [
      "an event's acceptance wins a tie with an outcome's (which has no event id)",
      { acceptanceStatus: 'accepted', acceptanceAt: at('09:00'), acceptanceEventId: null },
      { acceptanceStatus: 'rejected', acceptanceAt: at('09:00'), rejectionReason: 'r', acceptanceEventId: 'e1' },
      { acceptanceStatus: 'rejected' },
    ],
    ['counts add: 1 + 1 events, 10 + 10 useful tokens', {}, {}, { events: 2, usefulNanoTokens: 20_000_000_000n }],
    [
      'the first event is the earlier of the two',
      { firstEventAt: at('08:00') },
      { firstEventAt: at('07:00') },
      { firstEventAt: at('07:00') },
    ],
  ] as const)('%s', (_name, a, b, expected) => {
    expect(mergeWorkflow(workflow(a), workflow(b))).toMatchObject(expected);
  });
});

describe('combineDeltas', () => {
  const arbEvent = fc.record({
    id: fc.integer({ min: 0, max: 10_000 }),
    minute: fc.integer({ min: 0, max: 2 * 24 * 60 }),
    workflow: fc.integer({ min: 0, max: 5 }),
    generation: fc.boolean(),
    acceptance: fc.constantFrom('pending', 'accepted', 'rejected'),
    latency: fc.integer({ min: 1, max: 60_000 }),
  });
  type Spec = typeof arbEvent extends fc.Arbitrary<infer T> ? T : never;
  const specEvent = (s: Spec, suffix = '') =>
    makeEvent({
      id: `e${s.id}${suffix}`,
      workflowId: `w${s.workflow}`,
      timestamp: new Date(Date.UTC(2026, 3, 1) + s.minute * 60_000),
      stage: s.generation ? 'generation' : 'tool',
      acceptanceStatus: s.acceptance,
      latencyMs: s.latency,
    });

  it('a batch gives the same deltas in any order: events at the same instant are ordered by id', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(arbEvent, { maxLength: 20, selector: (s) => s.id })
          .chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs, { minLength: specs.length }))),
        ([specs, shuffled]) => {
          const deltas = (list: Spec[]) =>
            aggregateBatch(
              list.map((s) => ({ event: specEvent(s), cost })),
              dayOf,
            );
          const sorted = <T extends object>(rows: T[]) => rows.map((r) => JSON.stringify(r, big)).sort();
          const big = (_: string, v: unknown) => (typeof v === 'bigint' ? String(v) : v);
          const [a, b] = [deltas(specs), deltas(shuffled)];
          expect(sorted(b.workflows)).toEqual(sorted(a.workflows));
          expect(sorted(b.rollups)).toEqual(sorted(a.rollups));
        },
      ),
    );
  });

  // Minutes collide often here, so events of a workflow often share an instant: ties are ordered by id.
  it('folding batches together equals aggregating their events in one batch, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(arbEvent, { maxLength: 12 }), { minLength: 1, maxLength: 6 }), (batches) => {
        // Ids are unique, as a team's event ids are once re-sends are dropped.
        let place = 0;
        const priced = batches.map((specs) => specs.map((s) => ({ event: specEvent(s, `-${place++}`), cost })));
        const combined = combineDeltas(priced.map((b) => aggregateBatch(b, dayOf)));
        const whole = aggregateBatch(priced.flat().reverse(), dayOf);
        const byKey = <T extends object>(rows: T[], key: (r: T) => string) =>
          Object.fromEntries(rows.map((r) => [key(r), r]));
        expect(byKey(combined.rollups, (r) => `${r.day}${r.model}`)).toEqual(
          byKey(whole.rollups, (r) => `${r.day}${r.model}`),
        );
        expect(byKey(combined.workflows, (w) => w.workflowId)).toEqual(byKey(whole.workflows, (w) => w.workflowId));
      }),
    );
  });

  it("keeps each workflow's staging row written ahead, unless the workflow is in two batches", () => {
    fc.assert(
      fc.property(fc.array(fc.array(arbEvent, { maxLength: 8 }), { minLength: 2, maxLength: 5 }), (batches) => {
        let place = 0;
        const deltas = batches.map((specs, b) => {
          // Workflow ids per batch, made to collide across batches only when `b` is even.
          const events = specs.map((s) => ({
            event: { ...specEvent(s, `-${place++}`), workflowId: `w${s.workflow}-${b >> 1}` },
            cost,
          }));
          const d = aggregateBatch(events, dayOf);
          return { ...d, workflowRows: workflowRows(d.workflows) };
        });
        const combined = combineDeltas(deltas);
        const seen = new Map<string, number>();
        for (const w of deltas.flatMap((d) => d.workflows)) seen.set(w.workflowId, (seen.get(w.workflowId) ?? 0) + 1);
        const rebuilt = workflowRows(combined.workflows);
        combined.workflows.forEach((w, i) => {
          // A row kept is the one the merge would write; one merged from two batches is left to it.
          if (seen.get(w.workflowId) === 1) expect(combined.workflowRows?.[i]).toBe(rebuilt[i]);
          else expect(combined.workflowRows?.[i]).toBeNull();
        });
      }),
    );
  });

  it('leaves every row to the merge for a batch that came without them', () => {
    const one = aggregateBatch([{ event: makeEvent({ id: 'a', workflowId: 'wa' }), cost }], dayOf);
    const two = aggregateBatch([{ event: makeEvent({ id: 'b', workflowId: 'wb' }), cost }], dayOf);
    const combined = combineDeltas([{ ...one, workflowRows: workflowRows(one.workflows) }, two]);
    expect(combined.workflowRows).toEqual([workflowRows(one.workflows)[0], null]);
  });
});
