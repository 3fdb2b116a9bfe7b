import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '@/lib/iso-timestamp';

describe('isoTimestamp is Date.toISOString', () => {
  it.each([
    '1970-01-01T00:00:00.000Z',
    '2000-02-29T23:59:59.999Z',
    '2024-12-31T12:00:00.001Z',
    '1969-12-31T23:59:59.999Z',
    '0000-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
  ])('%s', (text) => {
    expect(isoTimestamp(new Date(text))).toBe(text);
  });

  const inRange = fc
    .integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') })
    .map((ms) => new Date(ms));
  const recent = fc.date({ min: new Date('1999-12-31'), max: new Date('2101-01-01'), noInvalidDate: true });

  it('for any instant, including those outside years 0 to 9999', () => {
    fc.assert(
      fc.property(fc.oneof(inRange, recent, fc.date({ noInvalidDate: true })), (at) => {
        expect(isoTimestamp(at)).toBe(at.toISOString());
      }),
      { numRuns: 20_000 },
    );
  });
});
