import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCutEvent, WireEventSchema } from '@/ingest/native/event-schema';
import { validateEvent } from '@/ingest/native/validate';
import { fastCutEvent } from '@/ingest/native/fast-event';
import { toFieldErrors } from '@/ingest/native/field-errors';
import { toWireEvent } from '@/lib/events/wire';
import { materialize } from '../support/demo-fixture';
import { WIRE_EVENT_FIELDS } from '../support/wire-fields';

/** What ingest answered for an item before the fast path existed: zod alone. */
function zodOnly(item: unknown) {
  const parsed = WireEventSchema.safeParse(item);
  return parsed.success ? toCutEvent(parsed.data) : { errors: toFieldErrors(parsed.error.issues) };
}

const FIELDS = WIRE_EVENT_FIELDS;

const full = {
  id: 'e-1',
  timestamp: '2025-06-01T10:00:00.123Z',
  team: 'support',
  workload_class: 'customer_support',
  workflow_id: 'wf-1',
  model: 'gpt-4o',
  provider: 'openai',
  model_version: '2024-08-06',
  pool: 'h100-a',
  stage: 'tool',
  input_tokens: 2000,
  cached_tokens: 100,
  retrieved_tokens: 500,
  output_tokens: 400,
  reasoning_tokens: 100,
  retry_count: 1,
  tool_calls: 2,
  fallback: true,
  latency_ms: 5200.5,
  ttft_ms: 300,
  queue_ms: 12,
  status: 'error',
  error_type: 'timeout',
  acceptance_status: 'rejected',
  rejection_reason: 'wrong answer',
  human_review_seconds: 30.25,
  gpu_hours: 0.0001234,
  reported_cost_usd: '0.0123',
  attributes: { user: 'u-1', score: 0.5, vip: false },
};
const minimal = {
  id: 'e-2',
  timestamp: '2025-06-01T12:00:00+02:00',
  team: 'a',
  workload_class: 'b',
  model: 'm',
  provider: 'p',
  latency_ms: 0,
};

const text = (n: number) => 'x'.repeat(n);
/** Values on and around every rule's edges, of every JSON type. */
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  1,
  1.5,
  2_147_483_647,
  2_147_483_648,
  1e6,
  1e6 + 1,
  1e7,
  1e7 + 0.5,
  1e9,
  1e9 + 1,
  1e-13,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  'a',
  'A',
  '-a',
  'a\u0000b',
  'tab\there',
  text(63),
  text(64),
  text(100),
  text(101),
  text(128),
  text(129),
  text(200),
  text(201),
  text(256),
  text(257),
  text(500),
  text(501),
  '0.5',
  ' 1.25 ',
  '1.1234567890123',
  '1000000000',
  '999999999.999999999999',
  '-1',
  '1e3',
  'generation',
  'retrieval',
  'ok',
  'error',
  'accepted',
  'pending',
  '2025-06-01T10:00:00Z',
  '2025-06-01t10:00:00z',
  '2025-06-01 10:00:00+05:30',
  '2025-02-29T00:00:00Z',
  '2024-02-29T00:00:00Z',
  '2025-04-31T00:00:00Z',
  '1999-12-31T23:59:59Z',
  '2999-01-01T00:00:00Z',
  '2025-06-01T10:00:00',
  '2025-06-01T10:00:00.1234567891Z',
  [],
  ['a'],
  {},
  { a: 'b' },
  { '': 1 },
  { a: null },
  { a: [1] },
  { a: 'x\u0000' },
  { [text(129)]: 1 },
  { [text(128)]: 1 },
  { a: text(1025) },
  { a: text(1024), b: -1.5, c: true, '7': 'x' },
  { 'a\u0000': 1 },
  { a: { b: 1 } },
  Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`k${i}`, i])),
  Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i])),
];

const fieldArb = fc.constantFrom(...FIELDS, 'unknown_field', '__proto__');
const mutationArb = fc.tuple(fieldArb, fc.constantFrom(...ODD_VALUES), fc.boolean());

function mutate(base: Record<string, unknown>, mutations: Array<[string, unknown, boolean]>) {
  const item: Record<string, unknown> = JSON.parse(JSON.stringify(base));
  for (const [field, value, remove] of mutations) {
    if (remove) delete item[field];
    else Object.defineProperty(item, field, { value, enumerable: true, writable: true, configurable: true });
  }
  return item;
}

describe('the ingest fast path accepts exactly what the zod schema accepts', () => {
  it('every demo event takes the fast path and comes out as zod makes it', () => {
    const { events } = materialize({ seed: 7, endDate: new Date('2025-06-30T00:00:00Z'), days: 5, eventsPerDay: 400 });
    for (const event of events) {
      const wire = JSON.parse(JSON.stringify(toWireEvent(event))) as unknown;
      const fast = fastCutEvent(wire);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(zodOnly(wire));
    }
  });

  it('a mutated event gets the same answer (event or errors) as from zod alone', () => {
    fc.assert(
      fc.property(fc.constantFrom(full, minimal), fc.array(mutationArb, { maxLength: 4 }), (base, mutations) => {
        const item = mutate(base, mutations);
        const fast = fastCutEvent(item);
        const expected = zodOnly(item);
        if (fast !== null) expect(fast).toEqual(expected);
        expect(validateEvent(item)).toEqual(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ['a full event', full],
    ['a minimal event, defaults filled in', minimal],
  ])('%s takes the fast path', (_name, item) => {
    expect(fastCutEvent(item)).not.toBeNull();
    expect(fastCutEvent(item)).toEqual(zodOnly(item));
  });

  it.each([
    ['cached above input', { ...full, cached_tokens: 2001 }],
    ['reasoning above output', { ...full, reasoning_tokens: 401 }],
    ['an unknown field', { ...minimal, colour: 'red' }],
    ['a NUL in the model', { ...minimal, model: 'm\u0000' }],
    ['a day that does not exist', { ...minimal, timestamp: '2025-02-30T00:00:00Z' }],
    ['not an object', ['a']],
  ])('%s is left to zod', (_name, item) => {
    expect(fastCutEvent(item)).toBeNull();
    expect(validateEvent(item)).toEqual(zodOnly(item));
  });
});
