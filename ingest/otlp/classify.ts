import { STAGES, type Stage } from '../../lib/events/event';
import { CUT, MODEL, USAGE } from './conventions';
import type { Attrs } from './span';

/**
 * What a span is to CUT. Inference and tool spans become events; wrappers (agents, workflows,
 * outer AI SDK calls) do not, since their usage repeats their children's; the rest is ignored.
 */
export type SpanRole =
  | { kind: 'inference'; stage: 'generation' | 'retrieval' }
  | { kind: 'tool' }
  | { kind: 'wrapper' }
  | { kind: 'ignored' };

const GENERATION: SpanRole = { kind: 'inference', stage: 'generation' };
const EMBEDDING: SpanRole = { kind: 'inference', stage: 'retrieval' };
const TOOL: SpanRole = { kind: 'tool' };
const WRAPPER: SpanRole = { kind: 'wrapper' };
const IGNORED: SpanRole = { kind: 'ignored' };

const GENERATION_OPS = new Set(['chat', 'text_completion', 'generate_content', 'completion', 'generate']);
const EMBEDDING_OPS = new Set(['embeddings', 'embedding']);
const WRAPPER_OPS = new Set(['invoke_agent', 'create_agent', 'invoke_workflow']);
const TRACELOOP_WRAPPERS = new Set(['workflow', 'agent', 'task', 'session']);
const OPENINFERENCE: Record<string, SpanRole> = {
  llm: GENERATION,
  embedding: EMBEDDING,
  tool: TOOL,
  agent: WRAPPER,
  chain: WRAPPER,
  evaluator: WRAPPER,
  guardrail: WRAPPER,
};
// Vercel AI SDK: only the provider-call leaves carry usage once; the outer calls repeat it.
const AI_SDK_CALL = /^ai\.(generateText|streamText|generateObject|streamObject)\.do(Generate|Stream)$/;
const AI_SDK_EMBED = /^ai\.(embed|embedMany)\.doEmbed$/;
const AI_SDK_OUTER = /^ai\.(generateText|streamText|generateObject|streamObject|embed|embedMany)$/;

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);

/** The span's role, from the first dialect that says (operation name first, then each emitter's own). */
export function classify(name: string, a: Attrs): SpanRole {
  const op = lower(a.get('gen_ai.operation.name'));
  if (op !== undefined) {
    if (GENERATION_OPS.has(op)) return GENERATION;
    if (EMBEDDING_OPS.has(op)) return EMBEDDING;
    if (op === 'execute_tool') return TOOL;
    if (WRAPPER_OPS.has(op)) return WRAPPER;
  }
  const requestType = lower(a.get('llm.request.type'));
  if (requestType === 'chat' || requestType === 'completion') return GENERATION;
  if (requestType === 'embedding') return EMBEDDING;
  const traceloopKind = lower(a.get('traceloop.span.kind'));
  if (traceloopKind === 'tool') return TOOL;
  if (traceloopKind !== undefined && TRACELOOP_WRAPPERS.has(traceloopKind)) return WRAPPER;
  const openInference = OPENINFERENCE[lower(a.get('openinference.span.kind')) ?? ''];
  if (openInference) return openInference;
  const aiOperation = typeof a.get('ai.operationId') === 'string' ? (a.get('ai.operationId') as string) : name;
  if (AI_SDK_CALL.test(aiOperation)) return GENERATION;
  if (AI_SDK_EMBED.test(aiOperation)) return EMBEDDING;
  if (aiOperation === 'ai.toolCall') return TOOL;
  if (AI_SDK_OUTER.test(aiOperation)) return WRAPPER;
  if (a.get('mcp.method.name') === 'tools/call') return TOOL;
  if (MODEL.some((k) => a.has(k)) && USAGE.some((k) => a.has(k))) return GENERATION;
  return IGNORED;
}

/**
 * The stage a span gives the calls beneath it: evaluators (OpenInference EVALUATOR, a
 * `gen_ai.evaluation.name`) make their model calls `evaluation`, guardrails `guardrail`, and an
 * explicit `cut.stage` on a wrapper passes on to what it wraps.
 */
export function stageMark(a: Attrs): Stage | null {
  const explicit = a.get(CUT.stage);
  if (typeof explicit === 'string' && (STAGES as readonly string[]).includes(explicit)) return explicit as Stage;
  const openInference = lower(a.get('openinference.span.kind'));
  if (openInference === 'evaluator' || a.has('gen_ai.evaluation.name')) return 'evaluation';
  if (openInference === 'guardrail') return 'guardrail';
  return null;
}
