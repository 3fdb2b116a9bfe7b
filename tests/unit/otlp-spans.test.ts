import { describe, expect, it } from 'vitest';
import { KIND, MS, otlpToEvents, span, T0, type SpanInput } from '../support/otlp-spans';

/** Which spans of a trace become events, and how the trace's shape decides it. */
const chat = (overrides: SpanInput = {}, attributes: Record<string, string | number> = {}) =>
  span({
    ...overrides,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 1000,
      'gen_ai.usage.output_tokens': 100,
      ...attributes,
    },
  });

/** A child span of `parent` in the same trace. */
const under = (parent: SpanInput, input: SpanInput = {}): SpanInput => ({
  traceId: parent.traceId,
  parentSpanId: parent.spanId,
  ...input,
});

const team = { 'cut.team': 'support', 'cut.workload_class': 'customer_support' };
const run = (spans: SpanInput[], attributes: Record<string, string> = team) => otlpToEvents([{ attributes, spans }]);

describe('wrappers are not events: their usage repeats their children’s', () => {
  const wrappers: Array<[string, Record<string, string | number>]> = [
    ['invoke_agent', { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'triage' }],
    ['invoke_workflow', { 'gen_ai.operation.name': 'invoke_workflow', 'gen_ai.workflow.name': 'refund' }],
    ['create_agent', { 'gen_ai.operation.name': 'create_agent', 'gen_ai.request.model': 'gpt-4o' }],
    ['Traceloop workflow', { 'traceloop.span.kind': 'workflow', 'traceloop.workflow.name': 'refund' }],
    ['Traceloop task', { 'traceloop.span.kind': 'task' }],
    ['OpenInference AGENT', { 'openinference.span.kind': 'AGENT' }],
    ['OpenInference CHAIN', { 'openinference.span.kind': 'CHAIN' }],
    ['AI SDK outer generateText', { 'ai.operationId': 'ai.generateText', 'ai.model.id': 'gpt-4o' }],
  ];
  it.each(wrappers)('%s with usage on it, around one model call: one event, the call’s tokens', (_, attrs) => {
    const wrapper = span({
      name: 'wrapper',
      kind: KIND.internal,
      attributes: { ...attrs, 'gen_ai.usage.input_tokens': 99_999, 'gen_ai.usage.output_tokens': 9_999 },
    });
    const call = chat(under(wrapper));
    const { events, result } = run([wrapper, call]);
    expect(result).toMatchObject({ rejected: 0, message: '' });
    expect(events.map((e) => [e.id, e.inputTokens, e.outputTokens])).toEqual([
      [`${call.traceId}:${call.spanId}`, 1000, 100],
    ]);
  });

  it('a wrapper exported alone (its children in another export) is still not an event', () => {
    const wrapper = span({ attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.usage.input_tokens': 5 } });
    expect(run([wrapper]).events).toEqual([]);
  });

  it('spans without GenAI attributes are ignored, not rejected', () => {
    const http = span({ name: 'POST /v1/chat/completions', attributes: { 'http.request.method': 'POST' } });
    const db = span({ name: 'SELECT orders', attributes: { 'db.system.name': 'postgresql' } });
    expect(run([http, db])).toEqual({
      events: [],
      result: { spans: 2, accepted: 0, duplicates: 0, rejected: 0, message: '' },
    });
  });
});

describe('a call seen by both client and server is counted once', () => {
  const vllm = (parent: SpanInput, attrs: Record<string, string | number> = {}) =>
    span({
      ...under(parent),
      name: 'llm_request',
      kind: KIND.server,
      attributes: {
        'gen_ai.response.model': 'llama-3.1-8b',
        'gen_ai.usage.prompt_tokens': 1000,
        'gen_ai.usage.completion_tokens': 100,
        'gen_ai.latency.time_in_queue': 0.04,
        'gen_ai.latency.time_to_first_token': 0.12,
        ...attrs,
      },
    });

  it('client chat span -> HTTP span -> vLLM server span: one event, enriched with the server’s pool and timings', () => {
    const client = chat({}, { 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'llama-3.1-8b' });
    const http = span({ ...under(client), name: 'POST', attributes: { 'http.request.method': 'POST' } });
    const server = vllm(http, { 'cut.gpu_hours': 0.0004 });
    const { events } = otlpToEvents([
      { attributes: team, spans: [client, http] },
      { attributes: { 'service.name': 'vllm-pool-a', ...team }, spans: [server] },
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: `${client.traceId}:${client.spanId}`,
      model: 'llama-3.1-8b',
      inputTokens: 1000,
      outputTokens: 100,
      pool: 'vllm-pool-a',
      queueMs: 40,
      ttftMs: 120,
      gpuHours: '0.0004',
    });
  });

  it('the client’s own TTFT wins over the server’s', () => {
    const client = chat({}, { 'gen_ai.response.time_to_first_chunk': 0.3 });
    const { events } = run([client, vllm(client)]);
    expect(events).toHaveLength(1);
    expect(events[0]!.ttftMs).toBe(300);
  });

  it('a server span whose client span is not in the export is its own event', () => {
    const server = vllm({ traceId: span().traceId, spanId: 'abcdef0123456789' });
    const { events } = otlpToEvents([{ attributes: { 'service.name': 'vllm-pool-a', ...team }, spans: [server] }]);
    expect(events.map((e) => [e.pool, e.provider, e.inputTokens])).toEqual([['vllm-pool-a', 'self_hosted', 1000]]);
  });
});

describe('tool spans: stage tool, no tokens, one tool call', () => {
  const tools: Array<[string, SpanInput]> = [
    [
      'execute_tool',
      {
        name: 'execute_tool get_weather',
        attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_weather' },
      },
    ],
    [
      'Traceloop tool',
      { name: 'get_weather.tool', attributes: { 'traceloop.span.kind': 'tool', 'gen_ai.tool.name': 'get_weather' } },
    ],
    [
      'MCP tools/call',
      {
        name: 'tools/call get_weather',
        attributes: { 'mcp.method.name': 'tools/call', 'gen_ai.tool.name': 'get_weather' },
      },
    ],
    [
      'AI SDK toolCall',
      { name: 'ai.toolCall', attributes: { 'ai.operationId': 'ai.toolCall', 'ai.toolCall.name': 'get_weather' } },
    ],
    ['OpenInference TOOL', { name: 'get_weather', attributes: { 'openinference.span.kind': 'TOOL' } }],
  ];
  it.each(tools)('%s', (_, input) => {
    const { events } = run([span({ kind: KIND.internal, ...input })]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      stage: 'tool',
      model: 'get_weather',
      provider: 'tool',
      inputTokens: 0,
      outputTokens: 0,
      toolCalls: 1,
    });
  });

  it('tool calls are counted from tool spans only, not again from the model call that asked for them', () => {
    const call = chat({}, {});
    const tool = span({
      ...under(call),
      attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'search' },
    });
    const { events } = run([call, tool]);
    expect(events.reduce((n, e) => n + e.toolCalls, 0)).toBe(1);
  });
});

describe('stages', () => {
  it('a model call under an evaluator (OpenInference EVALUATOR) is an evaluation', () => {
    const evaluator = span({ kind: KIND.internal, attributes: { 'openinference.span.kind': 'EVALUATOR' } });
    const judge = chat(under(evaluator));
    expect(run([evaluator, judge]).events.map((e) => e.stage)).toEqual(['evaluation']);
  });

  it('a model call carrying gen_ai.evaluation.name is an evaluation', () => {
    const judge = chat({}, { 'gen_ai.evaluation.name': 'faithfulness' });
    expect(run([judge]).events[0]!.stage).toBe('evaluation');
  });

  it('cut.stage on a wrapper passes to the calls under it, through other spans; cut.stage on the call wins', () => {
    const guard = span({
      kind: KIND.internal,
      attributes: { 'traceloop.span.kind': 'task', 'cut.stage': 'guardrail' },
    });
    const step = span({ ...under(guard), name: 'step', attributes: {} });
    const check = chat(under(step));
    const routed = chat(under(step), { 'cut.stage': 'routing' });
    expect(run([guard, step, check, routed]).events.map((e) => e.stage)).toEqual(['guardrail', 'routing']);
  });

  it('cut.stage on the resource applies to every call of that service', () => {
    const { events } = run([chat()], { ...team, 'cut.stage': 'evaluation' });
    expect(events[0]!.stage).toBe('evaluation');
  });

  it('a cut.stage that is not a stage rejects the span with the rule', () => {
    const { result } = run([chat({}, { 'cut.stage': 'thinking' })]);
    expect(result.rejected).toBe(1);
    expect(result.message).toContain('cut.stage (stage): must be one of generation, tool, retrieval, evaluation');
  });
});

describe('time', () => {
  it('latency comes from the span times in nanoseconds, exactly', () => {
    const { events } = run([chat({ start: T0 + 123_456n, end: T0 + 123_456n + 987_654_321n })]);
    expect(events[0]!.latencyMs).toBe(987.654321);
  });

  it('TTFT comes from the first streamed chunk event when no attribute says', () => {
    const s = chat({
      events: [
        { name: 'gen_ai.content.completion.chunk', time: T0 + 180n * MS },
        { name: 'gen_ai.content.completion.chunk', time: T0 + 190n * MS },
      ],
    });
    expect(run([s]).events[0]!.ttftMs).toBe(180);
  });

  it('a span that ends before it starts is rejected', () => {
    const { result } = run([chat({ start: T0, end: T0 - MS })]);
    expect(result.message).toContain('endTimeUnixNano: must not be before startTimeUnixNano');
  });

  it('a span from before 2000 is rejected with the native rule, named by the span field', () => {
    const { result } = run([chat({ start: 1_000_000n, end: 2_000_000n })]);
    expect(result.message).toContain('startTimeUnixNano (timestamp): must not be before 2000-01-01');
  });
});

describe('errors from span status', () => {
  it.each([
    ['error.type wins', { 'error.type': 'rate_limit_exceeded' }, [], 'rate_limit_exceeded'],
    [
      'then the exception event',
      {},
      [{ name: 'exception', time: T0, attributes: { 'exception.type': 'APITimeoutError' } }],
      'APITimeoutError',
    ],
    ['then the status message', {}, [], 'deadline exceeded'],
  ])('%s', (_, attrs, events, errorType) => {
    const s = chat({ status: { code: 2, message: 'deadline exceeded' }, events }, attrs);
    expect(run([s]).events[0]).toMatchObject({ status: 'error', errorType });
  });

  it('a NUL in the status message is dropped, not a reason to reject the call', () => {
    const s = chat({ status: { code: 2, message: 'bad\u0000byte' } });
    expect(run([s]).events[0]).toMatchObject({ status: 'error', errorType: 'badbyte' });
  });

  it('status OK or unset is ok, whatever the attributes', () => {
    expect(run([chat({ status: { code: 1 } })]).events[0]).toMatchObject({ status: 'ok', errorType: null });
  });
});
