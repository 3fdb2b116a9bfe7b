import { QUEUE_SECONDS, TTFT_MS, TTFT_SECONDS } from './conventions';
import type { AttributeReader, Read } from './read-attributes';
import type { DecodedSpan } from './span';

/**
 * Time to first token in milliseconds: an attribute in seconds (semconv, OpenLIT, vLLM) or in
 * milliseconds (AI SDK), else the first streamed-chunk event's offset from the span's start.
 */
export function ttftMs(r: AttributeReader, span: DecodedSpan): Read<number> | undefined {
  const seconds = r.number(TTFT_SECONDS);
  if (seconds) return { key: seconds.key, value: seconds.value * 1000 };
  const ms = r.number(TTFT_MS);
  if (ms) return ms;
  if (span.firstChunkNs !== null && span.firstChunkNs >= span.startNs) {
    return { key: 'gen_ai.content.completion.chunk event', value: Number(span.firstChunkNs - span.startNs) / 1e6 };
  }
  return undefined;
}

/** Time queued before the model started, in milliseconds (vLLM reports seconds). */
export function queueMs(r: AttributeReader): Read<number> | undefined {
  const seconds = r.number(QUEUE_SECONDS);
  return seconds && { key: seconds.key, value: seconds.value * 1000 };
}
