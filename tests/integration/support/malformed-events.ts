import fc from 'fast-check';
import { WIRE_EVENT_FIELDS } from '../../support/wire-fields';

/**
 * Arbitraries for wire events (cut-model.md 1.1): breaks of its rules, each paired with the path
 * the API must name for it and invalid whatever else the event holds; and valid fields (below).
 */
interface Break {
  path: string;
  apply(event: Record<string, unknown>): void;
}

const set = (path: string, value: unknown): Break => ({ path, apply: (e) => void (e[path] = value) });
const setting = (fields: readonly string[], values: fc.Arbitrary<unknown>) =>
  fc.tuple(fc.constantFrom(...fields), values).map(([field, value]) => set(field, value));

const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.nat(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);
const numericString = fc.nat().map(String);
const withNul = fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}\u0000${b}`);

const COUNTS = [
  'input_tokens',
  'cached_tokens',
  'retrieved_tokens',
  'output_tokens',
  'reasoning_tokens',
  'retry_count',
  'tool_calls',
];
const badCount = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ min: 0.001, max: 1e6, noInteger: true, noNaN: true }),
  fc.constantFrom(2 ** 31, 1e300, 12345678901234567890, Number.MAX_SAFE_INTEGER + 2),
  numericString,
  junk,
);
const MEASURES: Array<[string, number]> = [
  ['latency_ms', 1e9],
  ['ttft_ms', 1e9],
  ['queue_ms', 1e9],
  ['human_review_seconds', 1e7],
  ['gpu_hours', 1e6],
];
const badMeasure = fc
  .constantFrom(...MEASURES)
  .chain(([field, max]) =>
    fc
      .oneof(fc.double({ max: -0.001, noNaN: true }), fc.double({ min: max * 1.01, noNaN: true }), numericString, junk)
      .map((v) => set(field, v)),
  );

const TEXTS: Array<[string, number]> = [
  ['id', 128],
  ['workflow_id', 256],
  ['model', 200],
  ['provider', 100],
  ['model_version', 100],
  ['pool', 100],
  ['error_type', 200],
  ['rejection_reason', 500],
];
const badText = fc
  .constantFrom(...TEXTS)
  .chain(([field, max]) =>
    fc.oneof(fc.constant(''), fc.constant('x'.repeat(max + 1)), withNul, fc.integer(), junk).map((v) => set(field, v)),
  );

const badSlug = setting(
  ['team', 'workload_class'],
  fc.oneof(
    fc.constantFrom('', 'Support', 'has space', '-leading', '_leading', 'x'.repeat(64), 'tëam', 'a/b'),
    withNul,
    fc.integer(),
    junk,
  ),
);

const badTimestamp = fc
  .oneof(
    fc.constantFrom(
      '2026-02-30T10:00:00Z',
      '2025-02-29T10:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-05-04T10:00:00',
      '2026-05-04',
      '2026-13-01T00:00:00Z',
      '2026-05-04T24:00:00Z',
      '2026-05-04T10:60:00Z',
      '2026-05-04T10:00:00+25:00',
      '1999-12-31T23:59:59Z',
      '2999-01-01T00:00:00Z',
      '4 May 2026 10:00 GMT',
      '',
    ),
    fc.string({ maxLength: 30 }).map((s) => `t${s}`),
    fc.integer(),
    junk,
  )
  .map((v) => set('timestamp', v));

const badEnum = setting(
  ['stage', 'status', 'acceptance_status'],
  fc.oneof(fc.constantFrom('', 'OK', 'done', 'Generation'), fc.integer(), junk),
);
const badFallback = fc.constantFrom<unknown>('true', 1, 0, null, 'false').map((v) => set('fallback', v));
const badCost = fc
  .oneof(
    fc.constantFrom('-1', 'abc', '1.0000000000001', '1000000000', '1e5', ''),
    fc.double({ max: -0.001, noNaN: true }),
    fc.constant(1e12),
    junk.filter((v) => v !== null),
  )
  .map((v) => set('reported_cost_usd', v));

const badAttributes = fc.oneof(
  fc
    .oneof(fc.array(fc.string(), { maxLength: 2 }), fc.string(), fc.integer(), fc.constant(null))
    .map((v) => set('attributes', v)),
  fc
    .tuple(
      fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !k.includes('\u0000')),
      fc.oneof(
        junk.filter((v) => typeof v === 'object'),
        withNul,
        fc.constant('v'.repeat(1025)),
      ),
    )
    .map(([key, value]) => ({
      path: 'attributes',
      apply: (e: Record<string, unknown>) => void (e.attributes = { ok: 1, [key]: value }),
    })),
  fc.constant({
    path: 'attributes',
    apply: (e: Record<string, unknown>) => void (e.attributes = { '': 'empty name' }),
  }),
  fc.constant({
    path: 'attributes',
    apply: (e: Record<string, unknown>) =>
      void (e.attributes = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i]))),
  }),
);

const PARTS: Array<[string, string]> = [
  ['cached_tokens', 'input_tokens'],
  ['retrieved_tokens', 'input_tokens'],
  ['reasoning_tokens', 'output_tokens'],
];
const partAboveWhole = fc
  .tuple(fc.constantFrom(...PARTS), fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 1_000 }))
  .map(([[part, whole], w, extra]): Break => ({
    path: part,
    apply: (e) => {
      e[whole] = w;
      e[part] = w + extra;
    },
  }));

const KNOWN: ReadonlySet<string> = new Set(WIRE_EVENT_FIELDS);
const unknownField = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('outptu_tokens', 'Team', 'cost', 'constructor', 'toString', 'team '),
      fc.string({ minLength: 1, maxLength: 12 }),
    ),
    fc.jsonValue({ maxDepth: 2 }),
  )
  .filter(([key]) => !KNOWN.has(key))
  .map(([key, value]): Break => ({ path: key, apply: (e) => void (e[key] = value) }));

const REQUIRED = ['id', 'timestamp', 'team', 'workload_class', 'model', 'provider', 'latency_ms'];
const missing = fc
  .constantFrom(...REQUIRED)
  .map((field): Break => ({ path: field, apply: (e) => void delete e[field] }));

/** One rule broken, of any kind the model names. */
export const breakArb: fc.Arbitrary<Break> = fc.oneof(
  setting(COUNTS, badCount),
  badMeasure,
  badText,
  badSlug,
  badTimestamp,
  badEnum,
  badFallback,
  badCost,
  badAttributes,
  partAboveWhole,
  unknownField,
  missing,
);

const noNul = (s: string) => !s.includes('\u0000');
const name = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'grapheme' }).filter(noNul);
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,30}$/);
const partOf = (whole: string, part: string) =>
  fc.nat({ max: 1_000_000 }).chain((w) => fc.nat({ max: w }).map((p) => ({ [whole]: w, [part]: p })));

/** Fields of a valid event, drawn from the whole range each rule allows. */
export const validFieldsArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      timestamp: fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date(Date.now() - 60_000), noInvalidDate: true })
        .map((d) => d.toISOString()),
      team: slug,
      workload_class: slug,
      workflow_id: name(60),
      model: name(60),
      provider: name(40),
      stage: fc.constantFrom('generation', 'tool', 'retrieval', 'evaluation', 'guardrail', 'routing'),
      input: partOf('input_tokens', 'cached_tokens'),
      output: partOf('output_tokens', 'reasoning_tokens'),
      retry_count: fc.nat({ max: 20 }),
      tool_calls: fc.nat({ max: 2_147_483_647 }),
      fallback: fc.boolean(),
      latency_ms: fc.double({ min: 0, max: 1e9, noNaN: true }),
      ttft_ms: fc.double({ min: 0, max: 1e9, noNaN: true }),
      status: fc.constantFrom('ok', 'error'),
      acceptance_status: fc.constantFrom('accepted', 'rejected', 'pending'),
      human_review_seconds: fc.double({ min: 0, max: 1e7, noNaN: true }),
      gpu_hours: fc.double({ min: 0, max: 1e6, noNaN: true }),
      reported_cost_usd: fc.tuple(fc.nat({ max: 999_999 }), fc.nat({ max: 999_999 })).map(([a, b]) => `${a}.${b}`),
      attributes: fc.dictionary(
        name(20),
        fc.oneof(name(40), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()),
        { maxKeys: 5 },
      ),
    },
    { requiredKeys: ['timestamp', 'team', 'workload_class', 'latency_ms'] },
  )
  .map(({ input, output, ...rest }) => ({ ...rest, ...input, ...output }));
