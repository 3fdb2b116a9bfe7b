import { describe, expect, it } from 'vitest';
import { groupName, inputShare, toLayerBars, toSplitBars, topReasons } from '@/lib/dashboard/breakdown';
import { metricsRow } from './row';

describe('groupName', () => {
  it.each([
    { row: { model: 'gpt-4o' }, keys: ['model'] as const, name: 'gpt-4o' },
    { row: { model: 'llama-70b', pool: 'h100-a' }, keys: ['model', 'pool'] as const, name: 'llama-70b @ h100-a' },
    { row: { model: 'gpt-4o', pool: null }, keys: ['model', 'pool'] as const, name: 'gpt-4o @ managed API' },
  ])('$name', ({ row, keys, name }) => {
    expect(groupName(row, keys)).toBe(name);
  });
});

describe('toLayerBars', () => {
  it('dearest first, zero-cost groups out, layers as numbers', () => {
    const bars = toLayerBars(
      [
        metricsRow({ model: 'cheap', tco_usd: '1.000000', l1_usd: '1.000000' }),
        metricsRow({ model: 'idle', tco_usd: '0.000000' }),
        metricsRow({ model: 'dear', tco_usd: '10.000000', l1_usd: '4.000000', l3_usd: '6.000000' }),
      ],
      ['model'],
    );
    expect(bars.map((b) => b.name)).toEqual(['dear', 'cheap']);
    expect(bars[0]).toMatchObject({ 'L1 model': 4, 'L3 workload behaviour': 6, 'L2 serving': 0 });
  });
});

describe('cost split', () => {
  const rows = [
    {
      model: 'a',
      input_usd: '3.000000',
      cached_input_usd: '1.000000',
      output_usd: '4.000000',
      unsplit_usd: '0.000000',
    },
    {
      model: 'b',
      input_usd: '0.000000',
      cached_input_usd: '0.000000',
      output_usd: '0.000000',
      unsplit_usd: '2.000000',
    },
    {
      model: 'c',
      input_usd: '1.000000',
      cached_input_usd: '0.000000',
      output_usd: '1.000000',
      unsplit_usd: '0.000000',
    },
  ];
  it('bars by model, dearest first; a model with nothing split is left out', () => {
    expect(toSplitBars(rows, ['model']).map((b) => [b.name, b['Uncached input'], b['Cached input'], b.Output])).toEqual(
      [
        ['a', 3, 1, 4],
        ['c', 1, 0, 1],
      ],
    );
  });
  it('input share = (3 + 1 + 1) / (3 + 1 + 4 + 1 + 1) = 50%; nothing split -> null', () => {
    expect(inputShare(rows)).toBe(0.5);
    expect(inputShare([rows[1]!])).toBeNull();
  });
});

describe('topReasons', () => {
  it('the top reasons by count, the rest as "other reasons", a missing reason named', () => {
    const reasons = topReasons(
      [
        { reason: 'tone', workflows: 2 },
        { reason: 'wrong_answer', workflows: 9 },
        { reason: null, workflows: 4 },
        { reason: 'policy', workflows: 1 },
      ],
      2,
    );
    expect(reasons).toEqual([
      { name: 'wrong_answer', value: 9 },
      { name: '(no reason given)', value: 4 },
      { name: 'other reasons', value: 3 },
    ]);
  });
  it('no rejections, no bars', () => {
    expect(topReasons([])).toEqual([]);
  });
});
