import { describe, expect, it } from 'vitest';
import { roundParts } from '@/lib/metrics/round-parts';

const MICRO = 1_000_000n; // pico-dollars per micro-dollar

describe('roundParts: rounded parts add up to the rounded whole', () => {
  const cases = [
    {
      name: 'whole micro-dollars stay as they are: 1 + 2 + 3 = 6',
      parts: [1n * MICRO, 2n * MICRO, 3n * MICRO],
      expected: [1n, 2n, 3n],
      total: 6n,
    },
    {
      name: 'worked example: 92.666666667 + 3.333333333 = 96.000000000 -> 92.666667 + 3.333333',
      parts: [92_666_666_667_000n, 3_333_333_333_000n],
      expected: [92_666_667n, 3_333_333n],
      total: 96_000_000n,
    },
    {
      name: '0.4 + 0.4 + 0.4 = 1.2 -> 1: the unit goes to the first of equal remainders',
      parts: [400_000n, 400_000n, 400_000n],
      expected: [1n, 0n, 0n],
      total: 1n,
    },
    {
      name: '0.5 + 0.5 = 1 -> 1, not 1 + 1 (rounding each half-up would give 2)',
      parts: [500_000n, 500_000n],
      expected: [1n, 0n],
      total: 1n,
    },
    {
      name: '0.2 + 0.7 = 0.9 -> 1 goes to the largest remainder (0.7)',
      parts: [200_000n, 700_000n],
      expected: [0n, 1n],
      total: 1n,
    },
    {
      name: 'a credit: -0.5 + 2.0 = 1.5 -> 2, each part its own value floored or ceiled',
      parts: [-500_000n, 2n * MICRO],
      expected: [0n, 2n],
      total: 2n,
    },
    { name: 'nothing: 0 + 0 = 0', parts: [0n, 0n], expected: [0n, 0n], total: 0n },
  ];
  it.each(cases)('$name', ({ parts, expected, total }) => {
    const rounded = roundParts(parts, MICRO);
    expect(rounded).toEqual({ parts: expected, total });
    expect(rounded.parts.reduce((a, b) => a + b, 0n)).toBe(rounded.total);
  });
});
