import type { AttributeValue } from '../../lib/events/event';
import { MAX_ATTRIBUTE_NAME, MAX_ATTRIBUTE_VALUE, MAX_ATTRIBUTES } from '../native/event-schema';
import { CUT_TAG_PREFIX, KEPT_ATTRIBUTES, KEPT_RESOURCE_ATTRIBUTES } from './conventions';
import type { AttributeReader } from './read-attributes';
import type { AttrValue, DecodedSpan } from './span';

/**
 * The event's free attributes: a short list of identifying span attributes (never message
 * content), the emitter, and the sender's own `cut.attributes.*` tags, trimmed to the native
 * limits so a long value never costs the event its place.
 */
export function eventAttributes(
  span: DecodedSpan,
  r: AttributeReader,
  extra: Record<string, AttributeValue>,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  let count = 0;
  const put = (raw: string, value: AttrValue) => {
    const name = raw.replaceAll('\u0000', '');
    const v = attributeValue(value);
    if (v === null || name.length === 0 || name.length > MAX_ATTRIBUTE_NAME || name === '__proto__') return;
    if (!Object.hasOwn(out, name)) {
      if (count >= MAX_ATTRIBUTES) return;
      count += 1;
    }
    out[name] = v;
  };
  for (const keys of KEPT_ATTRIBUTES) {
    const found = r.find(keys);
    if (found) put(keys[0]!, found.value);
  }
  for (const key of KEPT_RESOURCE_ATTRIBUTES) {
    const found = r.find([key], true);
    if (found) put(key, found.value);
  }
  if (span.scope) put('otel.scope.name', span.scope);
  const sdk = r.find(['telemetry.sdk.name'], true);
  if (sdk) put('telemetry.sdk.name', sdk.value);
  for (const [name, value] of Object.entries(extra)) put(name, value);
  for (const attrs of [span.resource, span.attributes]) {
    for (const [key, value] of attrs) {
      if (key.startsWith(CUT_TAG_PREFIX)) put(key.slice(CUT_TAG_PREFIX.length), value);
    }
  }
  return out;
}

/** A value the native attributes take: text without NUL and at most the limit, numbers, booleans. */
function attributeValue(value: AttrValue): AttributeValue | null {
  if (typeof value === 'string') return value.replaceAll('\u0000', '').slice(0, MAX_ATTRIBUTE_VALUE);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = value.filter((v) => typeof v === 'string' || typeof v === 'number');
    return items.length ? attributeValue(items.join(',')) : null;
  }
  return null;
}
