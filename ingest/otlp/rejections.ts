import type { DecodedSpan } from './span';

/** OTLP asks for short responses; past this the message says how many reasons it left out. */
const MAX_REASONS = 10;
const MAX_MESSAGE = 4_000;

/**
 * The rejected spans of one request, grouped by reason, for `partialSuccess.errorMessage`:
 * "2 spans: gen_ai.usage.output_tokens (output_tokens): must be >= 0 (first: <trace>:<span>)".
 */
export class RejectionLog {
  private readonly reasons = new Map<string, { spans: number; first: string }>();
  count = 0;

  add(span: DecodedSpan, problems: readonly string[]): void {
    this.count += 1;
    const reason = problems.join('; ');
    const seen = this.reasons.get(reason);
    if (seen) seen.spans += 1;
    else this.reasons.set(reason, { spans: 1, first: spanLabel(span) });
  }

  /** The message, with `notes` (warnings about accepted spans) after the reasons. */
  message(total: number, notes: readonly string[]): string {
    const parts: string[] = [];
    if (this.count > 0) {
      const reasons = [...this.reasons].map(
        ([reason, { spans, first }]) => `${plural(spans, 'span')}: ${reason} (first: ${first})`,
      );
      const shown = reasons.slice(0, MAX_REASONS);
      if (reasons.length > shown.length) shown.push(`and ${plural(reasons.length - shown.length, 'other reason')}`);
      parts.push(`${this.count} of ${plural(total, 'span')} rejected. ${shown.join('. ')}`);
    }
    parts.push(...notes);
    const message = parts.join('. ');
    return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  }
}

export const plural = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

function spanLabel(span: DecodedSpan): string {
  if (span.traceId && span.spanId) return `${span.traceId}:${span.spanId}`;
  return `span ${JSON.stringify(span.name.slice(0, 60))}`;
}
