import { describe, expect, it } from 'vitest';
import type { CutEvent } from '@/lib/events/event';
import { KIND, MS, otlpToEvents, span, T0, type AttrInput } from '../support/otlp-spans';

/**
 * One model call as each emitter really writes it (attribute names from the research note's
 * tables), and the event CUT must make of it. Every fixture goes through both decoders.
 */
interface Dialect {
  emitter: string;
  resource?: Record<string, AttrInput>;
  scope?: string;
  name?: string;
  kind?: number;
  attributes: Record<string, AttrInput>;
  expected: Partial<CutEvent>;
}

const dialects: Dialect[] = [
  {
    emitter: 'OTel GenAI semconv, current names (cache and reasoning inside the totals)',
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.usage.input_tokens': 2000,
      'gen_ai.usage.cache_read.input_tokens': 1500,
      'gen_ai.usage.output_tokens': 300,
      'gen_ai.usage.reasoning.output_tokens': 100,
      'gen_ai.response.time_to_first_chunk': 0.42,
    },
    expected: {
      model: 'gpt-4o-2024-08-06',
      provider: 'openai',
      stage: 'generation',
      inputTokens: 2000,
      cachedTokens: 1500,
      outputTokens: 300,
      reasoningTokens: 100,
      ttftMs: 420,
    },
  },
  {
    emitter: 'official OTel JS OpenAI instrumentation (gen_ai.system on chat spans)',
    scope: '@opentelemetry/instrumentation-openai',
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.system': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 812,
      'gen_ai.usage.output_tokens': 64,
      'gen_ai.response.finish_reasons': ['stop'],
    },
    expected: { model: 'gpt-4o-mini', provider: 'openai', inputTokens: 812, outputTokens: 64 },
  },
  {
    emitter: 'semconv before v1.28 / v1.37 (prompt_tokens, completion_tokens, az.ai.openai)',
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.system': 'az.ai.openai',
      'gen_ai.request.model': 'gpt-4',
      'gen_ai.usage.prompt_tokens': 640,
      'gen_ai.usage.completion_tokens': 51,
    },
    expected: { model: 'gpt-4', provider: 'azure.ai.openai', inputTokens: 640, outputTokens: 51 },
  },
  {
    emitter: 'OpenLLMetry JS <= 0.22 (capitalised gen_ai.system, llm.request.type, flattened prompts)',
    scope: '@traceloop/instrumentation-openai',
    name: 'openai.chat',
    attributes: {
      'llm.request.type': 'chat',
      'gen_ai.system': 'OpenAI',
      'gen_ai.request.model': 'gpt-3.5-turbo',
      'gen_ai.response.model': 'gpt-3.5-turbo-0125',
      'gen_ai.usage.prompt_tokens': 15,
      'gen_ai.usage.completion_tokens': 9,
      'llm.usage.total_tokens': 24,
      'gen_ai.prompt.0.role': 'user',
      'gen_ai.prompt.0.content': 'What is the capital of France?',
    },
    expected: { model: 'gpt-3.5-turbo-0125', provider: 'openai', inputTokens: 15, outputTokens: 9 },
  },
  {
    emitter: 'OpenLLMetry JS >= 0.23 (semconv 1.40 names, association properties)',
    scope: '@traceloop/instrumentation-openai',
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'azure.ai.openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.usage.input_tokens': 5000,
      'gen_ai.usage.cache_read.input_tokens': 4096,
      'gen_ai.usage.output_tokens': 250,
      'gen_ai.usage.total_tokens': 5250,
      'traceloop.association.properties.team': 'search',
      'traceloop.association.properties.workload_class': 'long_context_research',
      'traceloop.workflow.name': 'answer_question',
    },
    expected: {
      provider: 'azure.ai.openai',
      inputTokens: 5000,
      cachedTokens: 4096,
      outputTokens: 250,
      team: 'search',
      workloadClass: 'long_context_research',
    },
  },
  {
    emitter: 'OpenLLMetry Python, Anthropic (cache summed into input, underscore cache names)',
    scope: 'opentelemetry.instrumentation.anthropic',
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.usage.input_tokens': 3000,
      'gen_ai.usage.cache_read_input_tokens': 2000,
      'gen_ai.usage.cache_creation_input_tokens': 500,
      'gen_ai.usage.output_tokens': 400,
      'gen_ai.usage.reasoning_tokens': 50,
    },
    expected: { provider: 'anthropic', inputTokens: 3000, cachedTokens: 2000, outputTokens: 400, reasoningTokens: 50 },
  },
  {
    emitter: 'OpenLIT, Anthropic (input without cache, own cost and TTFT span attributes)',
    scope: 'openlit.otel.tracing',
    attributes: {
      'telemetry.sdk.name': 'openlit',
      'service.name': 'billing-assistant',
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-3-5-haiku',
      'gen_ai.usage.input_tokens': 1000,
      'gen_ai.usage.cache_read.input_tokens': 200,
      'gen_ai.usage.cache_creation.input_tokens': 50,
      'gen_ai.usage.output_tokens': 400,
      'gen_ai.usage.cost': 0.0123,
      'gen_ai.server.time_to_first_token': 0.8,
    },
    expected: { inputTokens: 1250, cachedTokens: 200, outputTokens: 400, reportedCostUsd: '0.0123', ttftMs: 800 },
  },
  {
    emitter: 'OpenLIT TS SDK, OpenAI (legacy provider constant, TS token-detail names)',
    scope: 'openlit',
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.system': 'openai',
      'gen_ai.request.model': 'o3-mini',
      'gen_ai.usage.input_tokens': 700,
      'gen_ai.usage.prompt_tokens_details.cache_read': 512,
      'gen_ai.usage.output_tokens': 900,
      'gen_ai.usage.completion_tokens_details.reasoning': 640,
    },
    expected: { model: 'o3-mini', inputTokens: 700, cachedTokens: 512, outputTokens: 900, reasoningTokens: 640 },
  },
  {
    emitter: 'vLLM llm_request SERVER span (legacy token names, latencies in seconds, no provider)',
    resource: { 'service.name': 'vllm-h100-a' },
    scope: 'vllm.llm_engine',
    name: 'llm_request',
    kind: KIND.server,
    attributes: {
      'gen_ai.request.id': 'cmpl-7f3a',
      'gen_ai.response.model': 'meta-llama/Llama-3.1-8B-Instruct',
      'gen_ai.usage.prompt_tokens': 900,
      'gen_ai.usage.completion_tokens': 120,
      'gen_ai.usage.cached_tokens': 256,
      'gen_ai.latency.time_in_queue': 0.015,
      'gen_ai.latency.time_to_first_token': 0.09,
      'gen_ai.latency.e2e': 1.2,
    },
    expected: {
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      provider: 'self_hosted',
      pool: 'vllm-h100-a',
      inputTokens: 900,
      cachedTokens: 256,
      outputTokens: 120,
      queueMs: 15,
      ttftMs: 90,
    },
  },
  {
    emitter: 'OpenInference / Arize (llm.* names, its own cost)',
    scope: 'openinference.instrumentation.openai',
    attributes: {
      'openinference.span.kind': 'LLM',
      'llm.model_name': 'gpt-4.1',
      'llm.provider': 'openai',
      'llm.token_count.prompt': 1800,
      'llm.token_count.prompt_details.cache_read': 1024,
      'llm.token_count.completion': 75,
      'llm.cost.total': '0.00462',
    },
    expected: {
      model: 'gpt-4.1',
      provider: 'openai',
      inputTokens: 1800,
      cachedTokens: 1024,
      reportedCostUsd: '0.00462',
    },
  },
  {
    emitter: 'Vercel AI SDK leaf span (ai.* names, TTFT in ms, telemetry metadata)',
    scope: 'ai',
    name: 'ai.streamText.doStream',
    attributes: {
      'ai.operationId': 'ai.streamText.doStream',
      'ai.model.id': 'gpt-4o',
      'ai.model.provider': 'openai.chat',
      'ai.usage.promptTokens': 500,
      'ai.usage.completionTokens': 80,
      'ai.response.msToFirstChunk': 310,
      'ai.telemetry.metadata.team': 'growth',
    },
    expected: { model: 'gpt-4o', provider: 'openai', inputTokens: 500, outputTokens: 80, ttftMs: 310, team: 'growth' },
  },
  {
    emitter: 'Gemini through legacy gen_ai.system values (vertex_ai, generate_content)',
    attributes: {
      'gen_ai.operation.name': 'generate_content',
      'gen_ai.system': 'vertex_ai',
      'gen_ai.request.model': 'gemini-2.5-pro',
      'gen_ai.usage.input_tokens': 4200,
      'gen_ai.usage.output_tokens': 610,
    },
    expected: { provider: 'gcp.vertex_ai', stage: 'generation', inputTokens: 4200 },
  },
  {
    emitter: 'OpenLLMetry Bedrock (gen_ai.system "AWS")',
    attributes: {
      'llm.request.type': 'completion',
      'gen_ai.system': 'AWS',
      'gen_ai.request.model': 'anthropic.claude-3-haiku-20240307-v1:0',
      'gen_ai.usage.prompt_tokens': 120,
      'gen_ai.usage.completion_tokens': 30,
    },
    expected: { provider: 'aws.bedrock', model: 'anthropic.claude-3-haiku-20240307-v1:0' },
  },
  {
    emitter: 'embeddings (any emitter): stage retrieval, no output tokens',
    attributes: {
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'text-embedding-3-small',
      'gen_ai.usage.input_tokens': 37,
    },
    expected: { stage: 'retrieval', inputTokens: 37, outputTokens: 0, model: 'text-embedding-3-small' },
  },
];

describe('emitter dialects', () => {
  it.each(dialects)('$emitter', (d) => {
    const s = span({ name: d.name ?? 'chat', kind: d.kind ?? KIND.client, attributes: d.attributes });
    const { events, result } = otlpToEvents([
      {
        attributes: { 'cut.team': 'support', 'cut.workload_class': 'customer_support', ...d.resource },
        scope: d.scope,
        spans: [s],
      },
    ]);
    expect(result.rejected).toBe(0);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: `${s.traceId}:${s.spanId}`,
      timestamp: new Date(Number(T0 / MS)),
      workflowId: s.traceId,
      latencyMs: 1200,
      status: 'ok',
      ...d.expected,
    });
  });

  it('never copies message content into the event', () => {
    const { events } = otlpToEvents([{ spans: [span({ attributes: dialects[3]!.attributes })] }]);
    expect(JSON.stringify(events[0]!.attributes)).not.toContain('capital of France');
  });
});
