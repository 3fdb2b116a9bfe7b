import { describe, expect, it } from 'vitest';
import { metricsQuery } from '@/lib/api/metrics-query';
import { filterChoices } from '@/lib/dashboard/filter-options';
import { sliceKey, sliceQuery, sliceSearch, type SliceParams } from '@/lib/dashboard/params';

const params: SliceParams = {
  range: { from: '2026-03-01', to: '2026-03-31' },
  groupBy: ['day', 'workload_class'],
  filters: { team: 'support', workloadClass: null, model: 'gpt-4o', pool: null },
};

describe('slice params', () => {
  it('the query string the API takes, with only the filters set', () => {
    expect(sliceSearch(params)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      group_by: 'day,workload_class',
      team: 'support',
      model: 'gpt-4o',
    });
  });
  it('the server-side query equals what the API validates the same string into', () => {
    expect(sliceQuery(params)).toEqual(metricsQuery.parse(sliceSearch(params)));
  });
  it('equal requests share a cache key; a different filter does not', () => {
    expect(sliceKey(params)).toEqual(sliceKey({ ...params, range: { ...params.range } }));
    expect(sliceKey(params)).not.toEqual(sliceKey({ ...params, filters: { ...params.filters, pool: 'h100-a' } }));
  });
});

describe('filterChoices', () => {
  const dims = {
    data_range: { from: '2026-03-01', to: '2026-03-31' },
    teams: [{ slug: 'support', name: 'Support' }],
    workload_classes: [{ slug: 'customer_support', name: 'Customer support', unit: 'resolved ticket' }],
    models: [
      { provider: 'openai', model: 'gpt-4o' },
      { provider: 'azure', model: 'gpt-4o' },
    ],
    pools: ['h100-a'],
  };
  it('one select per dimension, a model once whatever its providers, values from the URL', () => {
    const choices = filterChoices(dims, params.filters);
    expect(choices.map((c) => [c.key, c.options.length, c.value])).toEqual([
      ['team', 1, 'support'],
      ['class', 1, null],
      ['model', 1, 'gpt-4o'],
      ['pool', 1, null],
    ]);
  });
  it('a page can leave a dimension out (a class page has its class)', () => {
    expect(filterChoices(dims, params.filters, ['class']).map((c) => c.key)).toEqual(['team', 'model', 'pool']);
  });
});
