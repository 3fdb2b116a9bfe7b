import { describe, expect, it } from 'vitest';
import { formatShares, parseShares } from '@/lib/dashboard/shares-text';

describe('parseShares', () => {
  it.each([
    { text: 'support=60, research=40', out: { support: 60, research: 40 } },
    { text: ' a = 33.333333 ,b=33.333333, c=33.333334 ', out: { a: 33.333333, b: 33.333333, c: 33.333334 } },
    { text: 'support=60%', out: { support: 60 } },
    { text: '', out: undefined },
    { text: 'support 60', out: 'support 60' },
  ])('"$text"', ({ text, out }) => {
    expect(parseShares(text)).toEqual(out);
  });
  it('round-trips what formatShares writes', () => {
    expect(parseShares(formatShares({ support: 60, research: 40 }))).toEqual({ support: 60, research: 40 });
    expect(formatShares(null)).toBe('');
  });
});
