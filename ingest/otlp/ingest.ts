import type { Database } from '../../db/client';
import type { IngestResult } from '../native/batch';
import type { FieldError } from '../native/field-errors';
import { ingestEvents, type IngestScope } from '../native/events';
import { CUT, DEFAULT_TEAM, DEFAULT_WORKLOAD_CLASS } from './conventions';
import { decodeJsonRequest } from './decode-json';
import { decodeProtobufRequest } from './decode-protobuf';
import { mapSpan, type MappedSpan } from './map-span';
import { planSpans } from './plan';
import { plural, RejectionLog } from './rejections';
import type { DecodedSpan } from './span';

export type OtlpEncoding = 'json' | 'protobuf';

export interface OtlpResult {
  /** spans in the request */
  spans: number;
  /** events stored, and events already stored (an exporter's retry) */
  accepted: number;
  duplicates: number;
  /** spans rejected: the count for `partialSuccess.rejectedSpans` */
  rejected: number;
  /** `partialSuccess.errorMessage`: why spans were rejected, and warnings; '' when all is well */
  message: string;
}

/**
 * An OTLP trace export: decoded, its GenAI spans mapped to native wire events, and those
 * validated and stored by the native ingest path, so both paths end in the same events.
 */
export async function ingestOtlpBody(
  db: Database,
  body: Buffer,
  encoding: OtlpEncoding,
  scope: IngestScope,
): Promise<OtlpResult> {
  const spans = encoding === 'json' ? decodeJsonRequest(body) : decodeProtobufRequest(body);
  const request = mapRequest(spans, scope.team);
  const wires = request.mapped.map((m) => m.event.wire);
  const stored = wires.length ? await ingestEvents(db, wires, scope) : { accepted: 0, duplicates: 0, rejected: [] };
  return settleRequest(request, stored);
}

/** The spans of one request as wire events, and the spans rejected before validation. */
export interface MappedRequest {
  spans: number;
  mapped: Array<{ span: DecodedSpan; event: MappedSpan }>;
  rejections: RejectionLog;
}

export function mapRequest(spans: readonly DecodedSpan[], keyTeam: string | null): MappedRequest {
  const plan = planSpans(spans);
  const rejections = new RejectionLog();
  for (const { span, problem } of plan.unreadable) rejections.add(span, [problem]);
  const mapped: MappedRequest['mapped'] = [];
  for (const planned of plan.events) {
    const event = mapSpan(planned, keyTeam);
    if ('problems' in event) rejections.add(planned.span, event.problems);
    else mapped.push({ span: planned.span, event });
  }
  return { spans: spans.length, mapped, rejections };
}

/** The answer once the native path has validated (and stored) the mapped events. */
export function settleRequest(request: MappedRequest, result: IngestResult): OtlpResult {
  const { mapped, rejections } = request;
  const rejectedAt = new Set<number>();
  for (const { index, errors } of result.rejected) {
    const { span, event } = mapped[index]!;
    rejectedAt.add(index);
    rejections.add(
      span,
      errors.map((e) => describe(e, event.sources)),
    );
  }
  const kept = mapped.filter((_, i) => !rejectedAt.has(i)).map((m) => m.event);
  return {
    spans: request.spans,
    accepted: result.accepted,
    duplicates: result.duplicates,
    rejected: rejections.count,
    message: rejections.message(request.spans, defaultNotes(kept)),
  };
}

/** A native field error in the sender's terms: the attribute that carried the value, then the field. */
function describe(e: FieldError, sources: Record<string, string>): string {
  const field = e.path.split('.')[0]!;
  const source = sources[field];
  const where = source && source !== field ? `${source} (${e.path})` : e.path === 'event' ? 'span' : e.path;
  return `${where}: ${e.message}`;
}

/** Stored spans that named no team or workload class are filed under the defaults; say so. */
function defaultNotes(events: readonly MappedSpan[]): string[] {
  const notes: string[] = [];
  const count = (field: 'team' | 'workload_class') => events.filter((e) => e.defaulted.includes(field)).length;
  const teams = count('team');
  const classes = count('workload_class');
  if (teams > 0) {
    notes.push(
      `${plural(teams, 'span')} named no team (set ${CUT.team} on the resource, or use a key scoped to a team): stored under team "${DEFAULT_TEAM}"`,
    );
  }
  if (classes > 0) {
    notes.push(
      `${plural(classes, 'span')} named no workload class (set ${CUT.workloadClass} on the resource): stored under "${DEFAULT_WORKLOAD_CLASS}"`,
    );
  }
  return notes;
}
