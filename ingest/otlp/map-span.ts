import type { AttributeValue, Stage } from '../../lib/events/event';
import { TEXT_MAX } from '../native/event-schema';
import { stageMark } from './classify';
import {
  CACHE_READ_TOKENS,
  CACHE_WRITE_TOKENS,
  CUT,
  DEFAULT_TEAM,
  DEFAULT_WORKLOAD_CLASS,
  INPUT_TOKENS,
  MODEL,
  normaliseProvider,
  OUTPUT_TOKENS,
  PROVIDER,
  REASONING_TOKENS,
  REPORTED_COST_USD,
  TEAM_ALIASES,
  WORKFLOW_ID_ALIASES,
  WORKLOAD_CLASS_ALIASES,
} from './conventions';
import { eventAttributes } from './event-attributes';
import type { PlannedSpan } from './plan';
import { AttributeReader, type Read } from './read-attributes';
import { SPAN_KIND, STATUS_ERROR, type DecodedSpan } from './span';
import { queueMs, ttftMs } from './timing';
import { normaliseTokens } from './tokens';

/** A span as a native wire event, and where each field came from (for error messages). */
export interface MappedSpan {
  wire: Record<string, unknown>;
  /** wire field -> the attribute or span field it was read from */
  sources: Record<string, string>;
  /** fields that fell back to CUT's defaults because nothing named them */
  defaulted: Array<'team' | 'workload_class'>;
}

const NS_PER_MS = 1_000_000n;
/** The provider of a model call that names none: on a pool it is the pool's own server. */
const SELF_HOSTED = 'self_hosted';
const UNKNOWN_PROVIDER = 'unknown';
/** Date's own limit, far beyond any real span; a later time could not become a timestamp. */
const MAX_MS = 8.64e15;

/**
 * One planned span as the event the native API would take (cut-model.md 1.1). The native
 * validation then applies its rules to it unchanged; here only what has no native rule is
 * checked: values of the wrong type, span times, a missing model.
 */
export function mapSpan(p: PlannedSpan, keyTeam: string | null): MappedSpan | { problems: string[] } {
  const s = p.span;
  const r = new AttributeReader(s.attributes, s.resource);
  const wire: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  const defaulted: MappedSpan['defaulted'] = [];
  const set = (field: string, read: Read<unknown> | undefined) => {
    if (!read) return false;
    wire[field] = read.value;
    sources[field] = read.key;
    return true;
  };

  wire.id = `${s.traceId}:${s.spanId}`;
  sources.id = 'traceId:spanId';
  const startMs = Number(s.startNs / NS_PER_MS);
  if (!(startMs <= MAX_MS)) r.problems.push('startTimeUnixNano: is too far in the future');
  else wire.timestamp = new Date(startMs).toISOString();
  sources.timestamp = 'startTimeUnixNano';
  if (s.endNs < s.startNs) r.problems.push('endTimeUnixNano: must not be before startTimeUnixNano');
  wire.latency_ms = Number(s.endNs - s.startNs) / 1e6;
  sources.latency_ms = 'endTimeUnixNano - startTimeUnixNano';

  if (!set('team', r.text([CUT.team, ...TEAM_ALIASES], [CUT.team]))) {
    wire.team = keyTeam ?? DEFAULT_TEAM;
    sources.team = keyTeam ? "the key's team" : CUT.team;
    if (!keyTeam) defaulted.push('team');
  }
  if (!set('workload_class', r.text([CUT.workloadClass, ...WORKLOAD_CLASS_ALIASES], [CUT.workloadClass]))) {
    wire.workload_class = DEFAULT_WORKLOAD_CLASS;
    sources.workload_class = CUT.workloadClass;
    defaulted.push('workload_class');
  }
  if (!set('workflow_id', r.text([CUT.workflowId, ...WORKFLOW_ID_ALIASES], [CUT.workflowId]))) {
    wire.workflow_id = s.traceId;
  }

  const extra: Record<string, AttributeValue> = {};
  set('pool', r.text([CUT.pool], true));
  if (p.role.kind === 'tool') {
    wire.model = r.text(['gen_ai.tool.name', 'ai.toolCall.name'])?.value ?? (s.name || 'tool');
    sources.model = 'gen_ai.tool.name';
    wire.provider = 'tool';
    wire.tool_calls = 1;
    set('stage', r.text([CUT.stage]));
    wire.stage ??= 'tool';
  } else {
    if (!set('model', r.text(MODEL))) r.problems.push('gen_ai.response.model / gen_ai.request.model: missing');
    // A GenAI SERVER span is the model server itself (vLLM): its service is the pool that ran it.
    if (wire.pool === undefined && s.kind === SPAN_KIND.server) set('pool', r.text(['service.name'], true));
    for (const server of p.servers) foldServer(server, wire, sources, extra);
    const provider = r.text(PROVIDER);
    wire.provider = provider ? normaliseProvider(provider.value) : wire.pool ? SELF_HOSTED : UNKNOWN_PROVIDER;
    sources.provider = provider?.key ?? 'gen_ai.provider.name';
    setStage(p.span, p.role.stage, p.inheritedStage, r, wire, sources);
    mapTokens(r, wire, sources, extra);
    set('tool_calls', r.number([CUT.toolCalls], true));
  }
  set('retry_count', r.number([CUT.retryCount], true));
  set('retrieved_tokens', r.number([CUT.retrievedTokens], true));
  set('fallback', r.bool([CUT.fallback], true));
  set('ttft_ms', ttftMs(r, s));
  set('queue_ms', r.number([CUT.queueMs], true) ?? queueMs(r));
  set('acceptance_status', r.text([CUT.acceptanceStatus], true));
  set('rejection_reason', r.text([CUT.rejectionReason], true));
  set('human_review_seconds', r.number([CUT.humanReviewSeconds], true));
  set('gpu_hours', r.number([CUT.gpuHours], true));
  const cost = r.find(REPORTED_COST_USD);
  if (cost && (typeof cost.value === 'number' || typeof cost.value === 'string')) set('reported_cost_usd', cost);
  if (s.statusCode === STATUS_ERROR) {
    wire.status = 'error';
    const kind = (r.text(['error.type'])?.value ?? s.exceptionType ?? s.statusMessage).replaceAll('\u0000', '');
    if (kind) wire.error_type = kind.slice(0, TEXT_MAX.error_type);
  }

  if (r.problems.length) return { problems: r.problems };
  wire.attributes = eventAttributes(s, r, extra);
  return { wire, sources, defaulted };
}

/**
 * The stage: `cut.stage` on the span, then what the span itself is (an evaluator, a guardrail),
 * then the nearest marked wrapper above it, then `cut.stage` on the resource, then its role.
 */
function setStage(
  span: DecodedSpan,
  roleStage: Stage,
  inherited: Stage | null,
  r: AttributeReader,
  wire: Record<string, unknown>,
  sources: Record<string, string>,
) {
  const own = r.text([CUT.stage]);
  const marked = stageMark(span.attributes) ?? inherited;
  const resource = r.text([CUT.stage], true);
  if (own) {
    wire.stage = own.value;
    sources.stage = own.key;
  } else if (marked) {
    wire.stage = marked;
  } else if (resource) {
    wire.stage = resource.value;
    sources.stage = resource.key;
  } else {
    wire.stage = roleStage;
  }
}

function mapTokens(
  r: AttributeReader,
  wire: Record<string, unknown>,
  sources: Record<string, string>,
  extra: Record<string, AttributeValue>,
) {
  const input = r.number(INPUT_TOKENS);
  const output = r.number(OUTPUT_TOKENS);
  const cacheRead = r.number(CACHE_READ_TOKENS);
  const cacheWrite = r.number(CACHE_WRITE_TOKENS);
  const reasoning = r.number(REASONING_TOKENS);
  // OpenLIT passes Anthropic's input_tokens on as they come, without the cache tokens.
  const openLit = r.find(['telemetry.sdk.name'], true)?.value === 'openlit';
  const t = normaliseTokens(
    {
      input: input?.value,
      output: output?.value,
      cacheRead: cacheRead?.value,
      cacheWrite: cacheWrite?.value,
      reasoning: reasoning?.value,
    },
    openLit && wire.provider === 'anthropic',
  );
  wire.input_tokens = t.input;
  wire.cached_tokens = t.cached;
  wire.output_tokens = t.output;
  wire.reasoning_tokens = t.reasoning;
  sources.input_tokens = input?.key ?? INPUT_TOKENS[0]!;
  sources.cached_tokens = cacheRead?.key ?? CACHE_READ_TOKENS[0]!;
  sources.output_tokens = output?.key ?? OUTPUT_TOKENS[0]!;
  sources.reasoning_tokens = reasoning?.key ?? REASONING_TOKENS[0]!;
  if (t.cacheWrite > 0) extra['gen_ai.usage.cache_creation.input_tokens'] = t.cacheWrite;
}

/** A server's view of the same call adds what only the server knows: its pool, queue time, TTFT. */
function foldServer(
  server: DecodedSpan,
  wire: Record<string, unknown>,
  sources: Record<string, string>,
  extra: Record<string, AttributeValue>,
) {
  const r = new AttributeReader(server.attributes, server.resource);
  const fill = (field: string, read: Read<unknown> | undefined) => {
    if (wire[field] !== undefined || !read) return;
    wire[field] = read.value;
    sources[field] = `${read.key} (server span)`;
  };
  fill('pool', r.text([CUT.pool], true) ?? r.text(['service.name'], true));
  fill('queue_ms', r.number([CUT.queueMs], true) ?? queueMs(r));
  fill('ttft_ms', ttftMs(r, server));
  fill('gpu_hours', r.number([CUT.gpuHours], true));
  const requestId = r.text(['gen_ai.request.id']);
  if (requestId) extra['gen_ai.request.id'] ??= requestId.value;
}
