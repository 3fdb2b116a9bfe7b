import { describe, expect, it } from 'vitest';
import { sameAsStored, storedValues } from '@/costing/stored-cost';
import type { DirectCost } from '@/lib/costing/direct';
import { picoToUsd, PICO_DIGITS } from '@/lib/money';

const cost: DirectCost = {
  base: 1_234_567_890_123_456n,
  source: 'reported',
  pricebook: 7n,
  l1: 0n,
  l2: -5_000_000_000_001n,
  l3: 999_999_999_999n,
  l4: 1_000_000_000_000n,
};

describe('storedValues', () => {
  it('prints each figure as numeric(24, 12) does: 12 decimals, zero and negatives included', () => {
    expect(storedValues(cost)).toEqual([
      '1234.567890123456',
      'reported',
      '0.000000000007',
      '0.000000000000',
      '-5.000000000001',
      '0.999999999999',
      '1.000000000000',
    ]);
    for (const pico of [cost.base, cost.pricebook, cost.l1, cost.l2]) {
      expect(storedValues({ ...cost, base: pico })[0]).toBe(picoToUsd(pico, PICO_DIGITS));
    }
  });
});

describe('sameAsStored', () => {
  const stored = storedValues(cost);

  it('holds for the stored text of the same cost', () => {
    expect(sameAsStored(cost, stored)).toBe(true);
  });

  it('fails when any one figure differs, by a pico-dollar or by its source', () => {
    const changes: Partial<DirectCost>[] = [
      { base: cost.base + 1n },
      { source: 'price_book' },
      { pricebook: 0n },
      { l1: 1n },
      { l2: -cost.l2 },
      { l3: cost.l3 - 1n },
      { l4: cost.l4 * 10n },
    ];
    for (const change of changes) expect(sameAsStored({ ...cost, ...change }, stored)).toBe(false);
  });
});
