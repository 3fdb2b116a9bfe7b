import type { Stage } from '../../lib/events/event';
import { classify, stageMark, type SpanRole } from './classify';
import { SPAN_KIND, type DecodedSpan } from './span';

/** A span that becomes an event, with what the rest of the request says about it. */
export interface PlannedSpan {
  span: DecodedSpan;
  role: Extract<SpanRole, { kind: 'inference' | 'tool' }>;
  /** the stage of the nearest evaluator, guardrail or `cut.stage` wrapper above it, if any */
  inheritedStage: Stage | null;
  /** SERVER spans of the same call (e.g. vLLM's), folded into this client span's event */
  servers: DecodedSpan[];
}

export interface Plan {
  events: PlannedSpan[];
  /** spans the decoders could not read, with why */
  unreadable: Array<{ span: DecodedSpan; problem: string }>;
  /** wrappers and spans with nothing for CUT: not events, not rejections */
  ignored: number;
  /** SERVER spans folded into their client span's event */
  merged: number;
}

/** Deep enough for any real agent; a guard against cycles in a malformed request. */
const MAX_DEPTH = 256;

/**
 * Decides which spans of one request become events. Ancestry is followed within the request:
 * a model call under an evaluator is an evaluation, and a SERVER inference span under a client
 * inference span of the same trace is the same call seen from the server, so it is counted once.
 */
export function planSpans(spans: readonly DecodedSpan[]): Plan {
  const unreadable: Plan['unreadable'] = [];
  const byId = new Map<string, { span: DecodedSpan; role: SpanRole }>();
  const readable: Array<{ span: DecodedSpan; role: SpanRole }> = [];
  for (const span of spans) {
    if (span.problem !== null) {
      unreadable.push({ span, problem: span.problem });
      continue;
    }
    const entry = { span, role: classify(span.name, span.attributes) };
    readable.push(entry);
    byId.set(`${span.traceId}:${span.spanId}`, entry);
  }

  const ancestors = function* (span: DecodedSpan) {
    let parent = span.parentSpanId;
    for (let depth = 0; parent !== '' && depth < MAX_DEPTH; depth++) {
      const entry = byId.get(`${span.traceId}:${parent}`);
      if (!entry) return;
      yield entry;
      parent = entry.span.parentSpanId;
    }
  };

  const planned = new Map<DecodedSpan, PlannedSpan>();
  const servers: Array<{ server: DecodedSpan; client: DecodedSpan }> = [];
  let ignored = 0;
  for (const { span, role } of readable) {
    if (role.kind !== 'inference' && role.kind !== 'tool') {
      ignored += 1;
      continue;
    }
    let inheritedStage: Stage | null = null;
    let client: DecodedSpan | null = null;
    for (const above of ancestors(span)) {
      inheritedStage ??= stageMark(above.span.attributes);
      if (!client && isClientCall(above.span, above.role)) client = above.span;
    }
    if (role.kind === 'inference' && span.kind === SPAN_KIND.server && client) {
      servers.push({ server: span, client });
    } else {
      planned.set(span, { span, role, inheritedStage, servers: [] });
    }
  }
  for (const { server, client } of servers) planned.get(client)?.servers.push(server);
  return { events: [...planned.values()], unreadable, ignored, merged: servers.length };
}

const isClientCall = (span: DecodedSpan, role: SpanRole) => role.kind === 'inference' && span.kind !== SPAN_KIND.server;
