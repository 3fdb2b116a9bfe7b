import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyRow } from '@/db/copy-text';
import { eventRow } from '@/db/writes/events';
import { COST_SOURCES } from '@/lib/costing/direct';
import { ACCEPTANCE, EVENT_STATUS, STAGES, type CutEvent } from '@/lib/events/event';
import { picoToUsd, PICO_DIGITS } from '@/lib/money';
import type { PricedEvent } from '@/lib/rollup/aggregate';

/** The row as the generic encoder makes it from the fields: what eventRow must reproduce. */
function referenceRow({ event: e, cost }: PricedEvent): string {
  // The amount at full scale, then its trailing zeros (and a bare point) dropped.
  const usd = (pico: bigint) => picoToUsd(pico, PICO_DIGITS).replace(/0+$/, '').replace(/\.$/, '');
  // prettier-ignore
  return copyRow([
    e.team, e.id, e.timestamp.toISOString(), e.workloadClass, e.workflowId, e.model, e.provider,
    e.modelVersion, e.pool, e.stage, e.inputTokens, e.cachedTokens, e.retrievedTokens, e.outputTokens,
    e.reasoningTokens, e.retryCount, e.toolCalls, e.fallback, e.latencyMs, e.ttftMs, e.queueMs, e.status,
    e.errorType, e.acceptanceStatus, e.rejectionReason, e.humanReviewSeconds, e.gpuHours, e.reportedCostUsd,
    JSON.stringify(e.attributes), usd(cost.base), cost.source, usd(cost.pricebook), usd(cost.l1),
    usd(cost.l2), usd(cost.l3), usd(cost.l4),
  ]);
}

/** Strings that stress the escaping: COPY's specials, quotes and non-ASCII. */
const str = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '\\', '\t', '\n', '\r', '"', ' ', 'é', '😀', '{') });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const count = fc.nat(2_147_483_647);
const measure = fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.nat(1000));
const pico = fc.oneof(
  fc.constant(0n),
  fc.bigInt({ min: 0n, max: 10n ** 15n }),
  fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }),
);

const eventArb: fc.Arbitrary<CutEvent> = fc.record({
  id: str,
  timestamp: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  team: str,
  workloadClass: str,
  workflowId: str,
  model: str,
  provider: str,
  modelVersion: maybe(str),
  pool: maybe(str),
  stage: fc.constantFrom(...STAGES),
  inputTokens: count,
  cachedTokens: count,
  retrievedTokens: count,
  outputTokens: count,
  reasoningTokens: count,
  retryCount: count,
  toolCalls: count,
  fallback: fc.boolean(),
  latencyMs: measure,
  ttftMs: maybe(measure),
  queueMs: maybe(measure),
  status: fc.constantFrom(...EVENT_STATUS),
  errorType: maybe(str),
  acceptanceStatus: fc.constantFrom(...ACCEPTANCE),
  rejectionReason: maybe(str),
  humanReviewSeconds: measure,
  gpuHours: fc.constantFrom('0', '0.000123', '12.5'),
  reportedCostUsd: maybe(fc.constantFrom('0', '0.0123', '999999999.999999999999')),
  attributes: fc.oneof(
    fc.constant({}),
    fc.dictionary(str, fc.oneof(str, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean())),
  ),
});

const costArb = fc.record({
  base: pico,
  source: fc.constantFrom(...COST_SOURCES),
  pricebook: pico,
  l1: pico,
  l2: pico,
  l3: pico,
  l4: pico,
});

describe('eventRow writes the same COPY text as the generic encoder', () => {
  it('for any event and cost', () => {
    fc.assert(
      fc.property(eventArb, costArb, (event, cost) => {
        expect(eventRow({ event, cost })).toBe(referenceRow({ event, cost }));
      }),
      { numRuns: 3_000 },
    );
  });

  it('escapes a tab in an attribute value and a newline in an id', () => {
    const [event] = fc.sample(eventArb, { numRuns: 1, seed: 1 });
    const priced = {
      event: { ...event!, id: 'a\nb', attributes: { note: 'x\ty' } },
      cost: { base: 0n, source: 'unpriced' as const, pricebook: 0n, l1: 0n, l2: 0n, l3: 0n, l4: 1n },
    };
    const row = eventRow(priced);
    expect(row).toContain('a\\nb');
    expect(row).toContain('{"note":"x\\\\ty"}');
    expect(row).toBe(referenceRow(priced));
  });
});
