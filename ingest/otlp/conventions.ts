/**
 * Where each event field is found in the attribute dialects real emitters send: the OTel GenAI
 * semantic conventions (current and legacy names), OpenLLMetry/Traceloop, OpenLIT, vLLM,
 * OpenInference and the Vercel AI SDK. Each list is in priority order; the first present wins.
 */
export const MODEL = [
  'gen_ai.response.model',
  'gen_ai.request.model',
  'llm.response.model',
  'ai.response.model',
  'ai.model.id',
  'llm.model_name',
] as const;
export const PROVIDER = ['gen_ai.provider.name', 'gen_ai.system', 'ai.model.provider', 'llm.provider', 'llm.system'];

export const INPUT_TOKENS = [
  'gen_ai.usage.input_tokens',
  'gen_ai.usage.prompt_tokens',
  'llm.token_count.prompt',
  'ai.usage.inputTokens',
  'ai.usage.promptTokens',
];
export const OUTPUT_TOKENS = [
  'gen_ai.usage.output_tokens',
  'gen_ai.usage.completion_tokens',
  'llm.token_count.completion',
  'ai.usage.outputTokens',
  'ai.usage.completionTokens',
];
export const CACHE_READ_TOKENS = [
  'gen_ai.usage.cache_read.input_tokens',
  'gen_ai.usage.cache_read_input_tokens',
  'gen_ai.usage.prompt_tokens_details.cached_tokens',
  'gen_ai.usage.prompt_tokens_details.cache_read',
  'gen_ai.usage.cached_tokens',
  'llm.token_count.prompt_details.cache_read',
  'ai.usage.cachedInputTokens',
];
export const CACHE_WRITE_TOKENS = [
  'gen_ai.usage.cache_creation.input_tokens',
  'gen_ai.usage.cache_creation_input_tokens',
  'gen_ai.usage.prompt_tokens_details.cache_creation_tokens',
  'gen_ai.usage.prompt_tokens_details.cache_write',
  'llm.token_count.prompt_details.cache_write',
];
export const REASONING_TOKENS = [
  'gen_ai.usage.reasoning.output_tokens',
  'gen_ai.usage.reasoning_tokens',
  'gen_ai.usage.completion_tokens_details.reasoning_tokens',
  'gen_ai.usage.completion_tokens_details.reasoning',
  'llm.token_count.completion_details.reasoning',
  'ai.usage.reasoningTokens',
];
/** Any of these on a span with a model makes it an inference span even without an operation name. */
export const USAGE = [...INPUT_TOKENS, ...OUTPUT_TOKENS];

/** Time to first token, in seconds (semconv, OpenLIT, vLLM) and in milliseconds (AI SDK). */
export const TTFT_SECONDS = [
  'gen_ai.response.time_to_first_chunk',
  'gen_ai.server.time_to_first_token',
  'gen_ai.latency.time_to_first_token',
];
export const TTFT_MS = ['ai.response.msToFirstChunk', 'ai.stream.msToFirstChunk'];
export const QUEUE_SECONDS = ['gen_ai.latency.time_in_queue'];
/** What the emitter says the call cost, in USD (OpenLIT, OpenInference). */
export const REPORTED_COST_USD = ['gen_ai.usage.cost', 'llm.cost.total'];

/** Where OpenLLMetry and the AI SDK carry a caller's own properties. */
export const TEAM_ALIASES = ['traceloop.association.properties.team', 'ai.telemetry.metadata.team'];
export const WORKLOAD_CLASS_ALIASES = [
  'traceloop.association.properties.workload_class',
  'ai.telemetry.metadata.workload_class',
];
export const WORKFLOW_ID_ALIASES = [
  'traceloop.association.properties.workflow_id',
  'ai.telemetry.metadata.workflow_id',
];

/** Copied onto the event's attributes (first alias wins, stored under the first name). */
export const KEPT_ATTRIBUTES: ReadonlyArray<readonly string[]> = [
  ['gen_ai.request.model'],
  ['gen_ai.response.id'],
  ['gen_ai.request.id'],
  ['gen_ai.conversation.id', 'traceloop.association.properties.session_id', 'session.id'],
  ['gen_ai.agent.name'],
  ['gen_ai.workflow.name', 'traceloop.workflow.name'],
  ['gen_ai.tool.name', 'ai.toolCall.name'],
  ['gen_ai.tool.call.id', 'ai.toolCall.id'],
  ['gen_ai.response.finish_reasons'],
  ['server.address'],
];
/** Read from the span, then the resource, and copied onto the event's attributes. */
export const KEPT_RESOURCE_ATTRIBUTES = ['service.name', 'deployment.environment.name', 'deployment.environment'];

/** Values of gen_ai.provider.name that the conventions define, kept as they are. */
const SEMCONV_PROVIDERS = new Set([
  'openai',
  'gcp.gen_ai',
  'gcp.vertex_ai',
  'gcp.gemini',
  'anthropic',
  'cohere',
  'azure.ai.inference',
  'azure.ai.openai',
  'ibm.watsonx.ai',
  'aws.bedrock',
  'perplexity',
  'x_ai',
  'deepseek',
  'groq',
  'mistral_ai',
]);

/** Legacy gen_ai.system values, OpenLLMetry's capitalised names and AI SDK provider ids. */
const PROVIDER_ALIASES: Record<string, string> = {
  'az.ai.inference': 'azure.ai.inference',
  'az.ai.openai': 'azure.ai.openai',
  azure: 'azure.ai.openai',
  'azure-openai': 'azure.ai.openai',
  vertex_ai: 'gcp.vertex_ai',
  vertexai: 'gcp.vertex_ai',
  'google.vertex': 'gcp.vertex_ai',
  gemini: 'gcp.gemini',
  'google.generative-ai': 'gcp.gemini',
  google: 'gcp.gen_ai',
  xai: 'x_ai',
  aws: 'aws.bedrock',
  bedrock: 'aws.bedrock',
  'amazon-bedrock': 'aws.bedrock',
  mistral: 'mistral_ai',
  mistralai: 'mistral_ai',
  watsonx: 'ibm.watsonx.ai',
};

/** One provider name whichever dialect named it: "OpenAI", "openai.chat" and "openai" are all openai. */
export function normaliseProvider(raw: string): string {
  const name = raw.trim().toLowerCase();
  if (SEMCONV_PROVIDERS.has(name)) return name;
  if (PROVIDER_ALIASES[name]) return PROVIDER_ALIASES[name];
  // AI SDK ids are "<provider>.<api>", e.g. openai.chat, google.vertex.chat, anthropic.messages.
  const parts = name.split('.');
  for (let n = parts.length - 1; n >= 1; n--) {
    const prefix = parts.slice(0, n).join('.');
    if (SEMCONV_PROVIDERS.has(prefix)) return prefix;
    if (PROVIDER_ALIASES[prefix]) return PROVIDER_ALIASES[prefix];
  }
  return name;
}

/**
 * CUT's own attributes, for what no convention carries; each is read from the span, then from
 * the resource (docs/send-telemetry.md lists them). `cut.attributes.<name>` are free tags.
 */
export const CUT = {
  team: 'cut.team',
  workloadClass: 'cut.workload_class',
  workflowId: 'cut.workflow_id',
  acceptanceStatus: 'cut.acceptance_status',
  rejectionReason: 'cut.rejection_reason',
  humanReviewSeconds: 'cut.human_review_seconds',
  retryCount: 'cut.retry_count',
  toolCalls: 'cut.tool_calls',
  retrievedTokens: 'cut.retrieved_tokens',
  fallback: 'cut.fallback',
  pool: 'cut.pool',
  gpuHours: 'cut.gpu_hours',
  queueMs: 'cut.queue_ms',
  stage: 'cut.stage',
} as const;
export const CUT_TAG_PREFIX = 'cut.attributes.';

/** Team and workload class of a span that names neither and arrives with a key scoped to no team. */
export const DEFAULT_TEAM = 'unassigned';
export const DEFAULT_WORKLOAD_CLASS = 'unclassified';
