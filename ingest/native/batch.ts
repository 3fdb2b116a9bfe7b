import { InvalidBodyError, PayloadTooLargeError } from '../../lib/errors';

const MAX_ITEMS = 5_000;

/** The `{"<field>": [...]}` envelope: 400 when it is not there, 413 when it holds too much. */
export function envelopeItems(body: unknown, field: 'events' | 'outcomes'): unknown[] {
  const items =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)[field]
      : undefined;
  if (!Array.isArray(items)) {
    throw new InvalidBodyError(`the body must be a JSON object with an "${field}" array`, 'invalid_envelope');
  }
  if (items.length > MAX_ITEMS) {
    throw new PayloadTooLargeError(
      `at most ${MAX_ITEMS.toLocaleString('en-US')} ${field} per request, got ${items.length.toLocaleString('en-US')}: split the batch`,
    );
  }
  return items;
}

export interface Rejection {
  index: number;
  id: string | null;
  errors: Array<{ path: string; message: string }>;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
}

/** The id a sender gave an item, for the rejection list, even when the item is invalid. */
export function itemId(item: unknown, field: string): string | null {
  const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined;
  return typeof id === 'string' ? id.slice(0, 128) : null;
}
