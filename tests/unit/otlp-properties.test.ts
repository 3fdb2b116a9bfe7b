import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJsonRequest } from '@/ingest/otlp/decode-json';
import { decodeProtobufRequest } from '@/ingest/otlp/decode-protobuf';
import { ApiError } from '@/lib/errors';
import { anyJson, otlpJsonRequest, otlpProtobufBody } from '../support/otlp-arbitraries';
import { eventsOf } from '../support/otlp-spans';

/**
 * Whatever arrives, the pure half of OTLP ingest either refuses the body with a 400 or accounts
 * for every span: stored, rejected with a reason, or ignored; it never throws anything else.
 */
function accountsForEverySpan(decode: () => ReturnType<typeof decodeJsonRequest>) {
  let spans;
  try {
    spans = decode();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    return;
  }
  const { events, result } = eventsOf(spans);
  expect(result.spans).toBe(spans.length);
  expect(events.length + result.rejected).toBeLessThanOrEqual(spans.length);
  if (result.rejected > 0) expect(result.message).toMatch(/^\d+ of \d+ spans? rejected\. /);
  for (const e of events) expect(e.id).toMatch(/^[0-9a-f]{32}:[0-9a-f]{16}$/);
}

describe('random OTLP bodies', () => {
  it('JSON: a 400 or every span accounted for', () => {
    fc.assert(
      fc.property(anyJson, (body) =>
        accountsForEverySpan(() => decodeJsonRequest(Buffer.from(JSON.stringify(body) ?? ''))),
      ),
      { numRuns: 400 },
    );
  });

  it('protobuf: a 400 or every span accounted for', () => {
    fc.assert(
      fc.property(otlpProtobufBody, (body) => accountsForEverySpan(() => decodeProtobufRequest(body))),
      { numRuns: 400 },
    );
  });

  it('well-formed random requests always decode (the 400s are for broken envelopes only)', () => {
    fc.assert(
      fc.property(otlpJsonRequest, (body) => {
        expect(decodeJsonRequest(Buffer.from(JSON.stringify(body))).length).toBe(
          body.resourceSpans.reduce((n, rs) => n + rs.scopeSpans.reduce((m, ss) => m + ss.spans.length, 0), 0),
        );
      }),
      { numRuns: 200 },
    );
  });
});
