import { describe, expect, it } from 'vitest';
import { classify } from '@/ingest/otlp/classify';
import { normaliseProvider } from '@/ingest/otlp/conventions';
import { normaliseTokens, type ReportedTokens } from '@/ingest/otlp/tokens';

describe('normaliseTokens: cached inside input, reasoning inside output', () => {
  const cases: Array<[string, ReportedTokens, boolean, ReturnType<typeof normaliseTokens>]> = [
    [
      'semconv: 2,000 in with 1,500 cached stays 2,000',
      { input: 2000, cacheRead: 1500, output: 300 },
      false,
      { input: 2000, cached: 1500, output: 300, reasoning: 0, cacheWrite: 0 },
    ],
    [
      'cache beside input: 100 in + 900 read + 50 written = 1,050',
      { input: 100, cacheRead: 900, cacheWrite: 50 },
      false,
      { input: 1050, cached: 900, output: 0, reasoning: 0, cacheWrite: 50 },
    ],
    [
      'known to report beside (OpenLIT Anthropic): 1,000 + 200 + 50 = 1,250 even though 250 <= 1,000',
      { input: 1000, cacheRead: 200, cacheWrite: 50 },
      true,
      { input: 1250, cached: 200, output: 0, reasoning: 0, cacheWrite: 50 },
    ],
    [
      'reasoning beside output: 40 out + 90 reasoning = 130',
      { output: 40, reasoning: 90 },
      false,
      { input: 0, cached: 0, output: 130, reasoning: 90, cacheWrite: 0 },
    ],
    [
      'reasoning inside output stays: 900 out with 640 reasoning',
      { output: 900, reasoning: 640 },
      false,
      { input: 0, cached: 0, output: 900, reasoning: 640, cacheWrite: 0 },
    ],
    [
      'only cache reported: input = 300 read',
      { cacheRead: 300 },
      false,
      { input: 300, cached: 300, output: 0, reasoning: 0, cacheWrite: 0 },
    ],
    ['nothing reported: all zero', {}, false, { input: 0, cached: 0, output: 0, reasoning: 0, cacheWrite: 0 }],
    [
      'a broken count is passed on untouched for validation to name',
      { input: -5, cacheRead: 10 },
      false,
      { input: -5, cached: 10, output: 0, reasoning: 0, cacheWrite: 0 },
    ],
  ];
  it.each(cases)('%s', (_, reported, beside, expected) => {
    expect(normaliseTokens(reported, beside)).toEqual(expected);
  });
});

describe('normaliseProvider', () => {
  it.each([
    ['openai', 'openai'],
    ['OpenAI', 'openai'],
    ['Anthropic', 'anthropic'],
    ['az.ai.openai', 'azure.ai.openai'],
    ['az.ai.inference', 'azure.ai.inference'],
    ['Azure', 'azure.ai.openai'],
    ['vertex_ai', 'gcp.vertex_ai'],
    ['gemini', 'gcp.gemini'],
    ['Google', 'gcp.gen_ai'],
    ['xai', 'x_ai'],
    ['AWS', 'aws.bedrock'],
    ['openai.chat', 'openai'],
    ['openai.responses', 'openai'],
    ['anthropic.messages', 'anthropic'],
    ['google.vertex.chat', 'gcp.vertex_ai'],
    ['google.generative-ai', 'gcp.gemini'],
    ['amazon-bedrock', 'aws.bedrock'],
    ['mistral.chat', 'mistral_ai'],
    ['gcp.vertex_ai', 'gcp.vertex_ai'],
    ['  Groq ', 'groq'],
    ['together.ai', 'together.ai'],
  ])('%s -> %s', (raw, expected) => {
    expect(normaliseProvider(raw)).toBe(expected);
  });
});

describe('classify', () => {
  it.each([
    ['chat', { 'gen_ai.operation.name': 'chat' }, 'inference:generation'],
    ['text_completion', { 'gen_ai.operation.name': 'text_completion' }, 'inference:generation'],
    ['generate_content', { 'gen_ai.operation.name': 'generate_content' }, 'inference:generation'],
    ['embeddings', { 'gen_ai.operation.name': 'embeddings' }, 'inference:retrieval'],
    ['execute_tool', { 'gen_ai.operation.name': 'execute_tool' }, 'tool'],
    ['invoke_agent', { 'gen_ai.operation.name': 'invoke_agent' }, 'wrapper'],
    ['retrieval (a vector search, no model)', { 'gen_ai.operation.name': 'retrieval' }, 'ignored'],
    ['llm.request.type chat', { 'llm.request.type': 'chat' }, 'inference:generation'],
    ['llm.request.type embedding', { 'llm.request.type': 'embedding' }, 'inference:retrieval'],
    ['traceloop tool', { 'traceloop.span.kind': 'tool' }, 'tool'],
    ['traceloop agent', { 'traceloop.span.kind': 'agent' }, 'wrapper'],
    ['OpenInference LLM', { 'openinference.span.kind': 'LLM' }, 'inference:generation'],
    ['OpenInference RETRIEVER', { 'openinference.span.kind': 'RETRIEVER' }, 'ignored'],
    [
      'model and usage, no operation (vLLM)',
      { 'gen_ai.response.model': 'm', 'gen_ai.usage.prompt_tokens': 1 },
      'inference:generation',
    ],
    ['model without usage', { 'gen_ai.request.model': 'm' }, 'ignored'],
    ['HTTP span', { 'http.request.method': 'POST' }, 'ignored'],
  ])('%s', (_, attrs, expected) => {
    const role = classify('span', new Map(Object.entries(attrs)));
    expect(role.kind === 'inference' ? `inference:${role.stage}` : role.kind).toBe(expected);
  });

  it.each([
    ['ai.generateText.doGenerate', 'inference:generation'],
    ['ai.streamObject.doStream', 'inference:generation'],
    ['ai.embedMany.doEmbed', 'inference:retrieval'],
    ['ai.toolCall', 'tool'],
    ['ai.streamText', 'wrapper'],
    ['ai.embed', 'wrapper'],
  ])('AI SDK span %s', (name, expected) => {
    const role = classify(name, new Map());
    expect(role.kind === 'inference' ? `inference:${role.stage}` : role.kind).toBe(expected);
  });
});
