import { describe, expect, it } from 'vitest';
import { metricsQuery } from '@/lib/api/metrics-query';

const range = { from: '2026-03-01', to: '2026-03-31' };
const KEYS = 'use day, week, month, team, workload_class, model, pool, provider';

describe('metricsQuery rejects, naming the field and the rule', () => {
  const invalid = [
    { name: 'missing from', input: { to: '2026-01-01' }, message: 'from: must be a date YYYY-MM-DD' },
    { name: 'to is Feb 30', input: { from: '2026-02-01', to: '2026-02-30' }, message: 'to: must be a date YYYY-MM-DD' },
    {
      name: 'to before from',
      input: { from: '2026-02-02', to: '2026-02-01' },
      message: 'to: must be on or after from',
    },
    {
      name: '2023-01-01..2026-01-01 is 3 years and a day',
      input: { from: '2023-01-01', to: '2026-01-01' },
      message: 'to: the range may span at most 3 years',
    },
    {
      name: '2024-02-29..2027-03-01: 3 years from Feb 29 end on Feb 28',
      input: { from: '2024-02-29', to: '2027-03-01' },
      message: 'to: the range may span at most 3 years',
    },
    {
      name: 'group_by=teams (a typo)',
      input: { ...range, group_by: 'teams' },
      message: `group_by: unknown key "teams"; ${KEYS}`,
    },
    {
      name: 'group_by=day,hour',
      input: { ...range, group_by: 'day,hour' },
      message: `group_by: unknown key "hour"; ${KEYS}`,
    },
    {
      name: 'team=a,,b (an empty item)',
      input: { ...range, team: 'a,,b' },
      message: 'team: empty item in the list; separate values with single commas',
    },
    {
      name: 'a misspelt filter (teams=support) instead of returning unfiltered totals',
      input: { ...range, teams: 'support' },
      message: ': unknown parameter "teams"; use from, to, group_by, team, workload_class, model, pool, provider',
    },
  ];
  it.each(invalid)('$name', ({ input, message }) => {
    const result = metricsQuery.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(`${issue?.path.join('.')}: ${issue?.message}`).toBe(message);
  });
});

describe('metricsQuery accepts', () => {
  const valid = [
    { name: 'a range alone: one total row', input: range, groupBy: [], filters: {} },
    {
      name: '2023-01-01..2025-12-31: exactly 3 years',
      input: { from: '2023-01-01', to: '2025-12-31' },
      groupBy: [],
      filters: {},
    },
    {
      name: 'group_by in the order given, blanks trimmed, duplicates dropped',
      input: { ...range, group_by: 'team, day,team' },
      groupBy: ['team', 'day'],
      filters: {},
    },
    {
      name: 'every key',
      input: { ...range, group_by: 'day,week,month,team,workload_class,model,pool,provider' },
      groupBy: ['day', 'week', 'month', 'team', 'workload_class', 'model', 'pool', 'provider'],
      filters: {},
    },
    {
      name: 'filters as lists, duplicates dropped; an empty parameter is no filter',
      input: { ...range, team: 'support,research,support', model: 'gpt-4o', pool: '', provider: 'openai' },
      groupBy: [],
      filters: { team: ['support', 'research'], model: ['gpt-4o'], provider: ['openai'] },
    },
    {
      name: 'workload_class filter and an empty group_by',
      input: { ...range, workload_class: 'customer_support', group_by: '' },
      groupBy: [],
      filters: { workload_class: ['customer_support'] },
    },
  ];
  it.each(valid)('$name', ({ input, groupBy, filters }) => {
    expect(metricsQuery.parse(input)).toEqual({ from: input.from, to: input.to, groupBy, filters });
  });
});
