import { describe, expect, it } from 'vitest';
import { decodeJsonRequest } from '@/ingest/otlp/decode-json';
import { eventsOf, otlpJson, otlpToEvents, span, type AttrInput, type SpanInput } from '../support/otlp-spans';

/** What CUT does with each kind of odd value a sender may put in a span. */
const genai = (attributes: Record<string, AttrInput> = {}): SpanInput =>
  span({
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 1000,
      'gen_ai.usage.output_tokens': 100,
      ...attributes,
    },
  });
const team = { 'cut.team': 'support', 'cut.workload_class': 'customer_support' };
const run = (spans: SpanInput[], resource: Record<string, AttrInput> = team, keyTeam: string | null = null) =>
  otlpToEvents([{ attributes: resource, spans }], keyTeam);

/** The JSON decoder alone, on a request edited by hand (what protobuf cannot even express). */
function runJson(edit: (span: Record<string, unknown>) => void) {
  const request = otlpJson([{ attributes: team, spans: [genai()] }]) as {
    resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }>;
  };
  edit(request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!);
  return eventsOf(decodeJsonRequest(Buffer.from(JSON.stringify(request))));
}

describe('ids', () => {
  it.each([
    ['a short trace id', { traceId: 'abc123' }, 'traceId: must be 32 hex characters, got "abc123"'],
    ['a trace id in base64', { traceId: 'W47V1j+b1SuQ0n4pCrL4Ww==' }, 'traceId: must be 32 hex characters'],
    ['an all-zero trace id', { traceId: '0'.repeat(32) }, 'traceId: must not be all zeros'],
    ['a span id that is not hex', { spanId: 'zzzzzzzzzzzzzzzz' }, 'spanId: must be 16 hex characters'],
    ['no span id', { spanId: undefined }, 'spanId: missing'],
    ['a bad parent id', { parentSpanId: '12' }, 'parentSpanId: must be 16 hex characters'],
  ])('%s rejects that span only', (_, edit, message) => {
    const { events, result } = runJson((s) => Object.assign(s, edit));
    expect(events).toEqual([]);
    expect(result.rejected).toBe(1);
    expect(result.message).toContain(message);
  });

  it('upper-case hex is the same id', () => {
    const { events } = runJson((s) => {
      s.traceId = 'AABBCCDDEEFF00112233445566778899';
      s.spanId = '0123456789ABCDEF';
    });
    expect(events[0]!.id).toBe('aabbccddeeff00112233445566778899:0123456789abcdef');
  });

  it('one bad span does not cost its neighbours their place', () => {
    const bad = { ...genai(), traceId: 'abcd' };
    const { events, result } = run([genai(), bad, genai()]);
    expect(events).toHaveLength(2);
    expect(result.rejected).toBe(1);
  });
});

describe('numbers', () => {
  it.each([
    ['an int64 written as a string (protojson)', { 'gen_ai.usage.input_tokens': { any: { intValue: '1200' } } }, 1200],
    ['a number in a string attribute', { 'gen_ai.usage.input_tokens': '1200' }, 1200],
    ['a whole double', { 'gen_ai.usage.input_tokens': { any: { doubleValue: 1200 } } }, 1200],
  ])('%s is read as the number', (_, attrs, input) => {
    expect(run([genai(attrs)]).events[0]!.inputTokens).toBe(input);
  });

  it.each([
    [
      'NaN',
      { 'gen_ai.usage.output_tokens': { any: { doubleValue: 'NaN' } } },
      'gen_ai.usage.output_tokens: must be a finite number, got NaN',
    ],
    [
      'Infinity',
      { 'gen_ai.usage.input_tokens': { any: { doubleValue: 'Infinity' } } },
      'gen_ai.usage.input_tokens: must be a finite number, got Infinity',
    ],
    ['text', { 'gen_ai.usage.input_tokens': 'many' }, 'gen_ai.usage.input_tokens: must be a finite number, got "many"'],
    [
      'a boolean',
      { 'gen_ai.usage.input_tokens': true },
      'gen_ai.usage.input_tokens: must be a finite number, got true',
    ],
    [
      'a fraction',
      { 'gen_ai.usage.output_tokens': 12.5 },
      'gen_ai.usage.output_tokens (output_tokens): must be an integer',
    ],
    [
      'a negative count',
      { 'gen_ai.usage.output_tokens': -5 },
      'gen_ai.usage.output_tokens (output_tokens): must be >= 0',
    ],
    [
      'a NaN TTFT',
      { 'gen_ai.response.time_to_first_chunk': { any: { doubleValue: 'NaN' } } },
      'gen_ai.response.time_to_first_chunk: must be a finite number',
    ],
    [
      'a negative cost',
      { 'gen_ai.usage.cost': -0.5 },
      'gen_ai.usage.cost (reported_cost_usd): must be a decimal amount',
    ],
  ])('%s rejects the span, naming the attribute and the rule', (_, attrs, message) => {
    const { events, result } = run([genai(attrs)]);
    expect(events).toEqual([]);
    expect(result.message).toContain(message);
  });

  it('a model call with no usage attributes is stored with zero tokens', () => {
    const s = span({ attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' } });
    expect(run([s]).events[0]).toMatchObject({ inputTokens: 0, outputTokens: 0, cachedTokens: 0, provider: 'unknown' });
  });

  it('a model call with no model is rejected with what to set', () => {
    const s = span({ attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.usage.input_tokens': 5 } });
    expect(run([s]).result.message).toContain('gen_ai.response.model / gen_ai.request.model: missing');
  });
});

describe('unknown fields are ignored', () => {
  it('extra keys on the span, the envelope and in values change nothing', () => {
    const { events, result } = runJson((s) => {
      Object.assign(s, { flags: 257, droppedAttributesCount: 3, trace_id: 'ignored', somethingNew: { a: 1 } });
      (s.attributes as unknown[]).push({ key: 'x.kv', value: { kvlistValue: { values: [] } } });
      (s.attributes as unknown[]).push({ key: 'x.bytes', value: { bytesValue: 'AAEC' } });
      (s.attributes as unknown[]).push({ key: 'x.empty', value: {} });
    });
    expect(result).toMatchObject({ rejected: 0, message: '' });
    expect(events[0]).toMatchObject({ inputTokens: 1000, outputTokens: 100 });
  });

  it('enum names instead of numbers are tolerated', () => {
    const { events } = runJson((s) => {
      s.kind = 'SPAN_KIND_CLIENT';
      s.status = { code: 'STATUS_CODE_ERROR', message: 'boom' };
    });
    expect(events[0]).toMatchObject({ status: 'error', errorType: 'boom' });
  });
});

describe('team, workload class and workflow', () => {
  it('the span wins over the resource, the resource over the key, and defaults come last with a note', () => {
    const onSpan = genai({ 'cut.team': 'search', 'cut.workload_class': 'document_review' });
    const onResource = genai();
    expect(run([onSpan, onResource]).events.map((e) => [e.team, e.workloadClass])).toEqual([
      ['search', 'document_review'],
      ['support', 'customer_support'],
    ]);
    const { events, result } = run([genai()], {}, null);
    expect(events.map((e) => [e.team, e.workloadClass])).toEqual([['unassigned', 'unclassified']]);
    expect(result).toMatchObject({ rejected: 0 });
    expect(result.message).toBe(
      '1 span named no team (set cut.team on the resource, or use a key scoped to a team): stored under team "unassigned". ' +
        '1 span named no workload class (set cut.workload_class on the resource): stored under "unclassified"',
    );
  });

  it('a key scoped to a team fills the team, and rejects a span naming another team', () => {
    const { events, result } = run(
      [genai(), genai({ 'cut.team': 'research' })],
      { 'cut.workload_class': 'x' },
      'support',
    );
    expect(events.map((e) => e.team)).toEqual(['support']);
    expect(result.rejected).toBe(1);
    expect(result.message).toContain('cut.team (team): must be "support": this key may only send events for that team');
  });

  it('a team that is not a slug is rejected with the native rule', () => {
    const { result } = run([genai({ 'cut.team': 'Customer Support' })]);
    expect(result.message).toContain('cut.team (team): must be a slug');
  });

  it('the workflow is the trace unless cut.workflow_id says otherwise', () => {
    const plain = genai();
    const named = genai({ 'cut.workflow_id': 'ticket-4411' });
    expect(run([plain, named]).events.map((e) => e.workflowId)).toEqual([plain.traceId, 'ticket-4411']);
  });
});

describe('every cut.* attribute', () => {
  it('fills its field', () => {
    const { events, result } = run([
      genai({
        'cut.acceptance_status': 'rejected',
        'cut.rejection_reason': 'wrong_answer',
        'cut.human_review_seconds': 90,
        'cut.retry_count': 2,
        'cut.tool_calls': 3,
        'cut.retrieved_tokens': 600,
        'cut.fallback': true,
        'cut.pool': 'h100-a',
        'cut.gpu_hours': 0.0025,
        'cut.queue_ms': 35,
        'cut.stage': 'routing',
        'cut.attributes.feature': 'refunds',
        'cut.attributes.prompt_version': 7,
      }),
    ]);
    expect(result.rejected).toBe(0);
    expect(events[0]).toMatchObject({
      acceptanceStatus: 'rejected',
      rejectionReason: 'wrong_answer',
      humanReviewSeconds: 90,
      retryCount: 2,
      toolCalls: 3,
      retrievedTokens: 600,
      fallback: true,
      pool: 'h100-a',
      gpuHours: '0.0025',
      queueMs: 35,
      stage: 'routing',
    });
    expect(events[0]!.attributes).toMatchObject({ feature: 'refunds', prompt_version: 7 });
  });

  it('keeps the identifying attributes and not the content', () => {
    const { events } = run(
      [
        genai({
          'gen_ai.response.id': 'chatcmpl-123',
          'gen_ai.conversation.id': 'conv-9',
          'gen_ai.response.finish_reasons': ['stop', 'length'],
          'gen_ai.input.messages': '[{"role":"user","content":"secret"}]',
          'server.address': 'api.openai.com',
        }),
      ],
      { ...team, 'service.name': 'support-bot' },
    );
    expect(events[0]!.attributes).toEqual({
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.response.id': 'chatcmpl-123',
      'gen_ai.conversation.id': 'conv-9',
      'gen_ai.response.finish_reasons': 'stop,length',
      'server.address': 'api.openai.com',
      'service.name': 'support-bot',
      'otel.scope.name': 'test-instrumentation',
    });
  });

  it('a wrongly typed cut.* value is named', () => {
    const { result } = run([genai({ 'cut.fallback': 'sometimes', 'cut.retry_count': 'twice' })]);
    expect(result.message).toContain(
      'cut.retry_count: must be a finite number, got "twice"; cut.fallback: must be true or false, got "sometimes"',
    );
  });
});

describe('the partial-success message', () => {
  it('groups rejected spans by reason, with a count and the first span of each', () => {
    const bad = [genai({ 'gen_ai.usage.output_tokens': -1 }), genai({ 'gen_ai.usage.output_tokens': -1 })];
    const { result } = run([genai(), ...bad, { ...genai(), spanId: 'abcd' }]);
    expect(result.rejected).toBe(3);
    expect(result.message).toBe(
      `3 of 4 spans rejected. 1 span: spanId: must be 16 hex characters, got "abcd" (first: span "chat gpt-4o-mini"). ` +
        `2 spans: gen_ai.usage.output_tokens (output_tokens): must be >= 0 (first: ${bad[0]!.traceId}:${bad[0]!.spanId})`,
    );
  });
});
