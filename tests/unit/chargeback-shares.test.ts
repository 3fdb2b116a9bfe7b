import { describe, expect, it } from 'vitest';
import { formatShares, parseShares } from '@/lib/chargeback/shares';

describe('fixed percentages typed on the page', () => {
  it.each([
    ['platform: 50, support: 30, legal-ops: 20', { platform: 50, support: 30, 'legal-ops': 20 }],
    ['a=60\nb = 40%', { a: 60, b: 40 }],
    ['x: 33.333333', { x: 33.333333 }],
  ])('%j', (text, shares) => expect(parseShares(text)).toEqual({ shares }));

  it.each([
    ['', 'give each team'],
    ['platform 50', 'cannot read'],
    ['a: 10, a: 90', 'a is given twice'],
    ['a: -5', 'cannot read'],
  ])('%j is refused (%s)', (text, problem) => {
    const result = parseShares(text);
    expect('error' in result && result.error).toContain(problem);
  });

  it('prints back in the same form', () => {
    expect(formatShares({ a: 60, b: 40 })).toBe('a: 60, b: 40');
  });
});
