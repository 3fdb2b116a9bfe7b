import { describe, expect, it } from 'vitest';
import { focusCsvOf } from '@/chargeback/focus-export';
import type { MonthView } from '@/chargeback/month-view';
import { scopeMonthView } from '@/chargeback/scope';
import { chargebackCsvRecords, toChargebackJson } from '@/lib/api/chargeback-wire';
import { UNALLOCATED } from '@/lib/costing/allocate-shared';
import { buildChargebackReport } from '@/lib/chargeback/report';
import type { Policies } from '@/lib/chargeback/policies';
import { line, POLICIES, usd } from '../support/cost-lines';

const policies: Policies = {
  ...POLICIES,
  fixedCosts: [
    ...POLICIES.fixedCosts,
    {
      id: 3,
      name: 'Platform team',
      layer: 5,
      category: 'people',
      monthlyUsd: '1000.000000',
      rule: 'fixed',
      team: null,
      workloadClass: null,
      fixedShares: { a: 60, b: 40 },
    },
  ],
};

/** Teams a and b and the unallocated line, with a correction of a closed month on each team. */
function view(): MonthView {
  const lines = [
    line({ day: '2026-10-01', team: 'a' }, { l1: usd('10.004'), requests: 3n }),
    line({ day: '2026-10-01', team: 'b' }, { l1: usd('20.003'), requests: 5n }),
    line({ day: '2026-10-02', team: UNALLOCATED, kind: 'idle', source: 'h100', pool: 'h100' }, { l2: usd('7') }),
  ];
  const corrections = [
    line({ day: '2026-09-30', team: 'a' }, { l1: usd('1') }),
    line({ day: '2026-09-30', team: 'b' }, { l1: usd('2') }),
  ];
  const teamNames = new Map([
    ['a', 'Team A'],
    ['b', 'Team B'],
  ]);
  const budgets = new Map([
    ['a', usd('100')],
    ['b', usd('100')],
  ]);
  const report = buildChargebackReport({
    month: '2026-10',
    lines,
    corrections,
    policies,
    teamNames,
    budgets,
    today: '2026-11-22',
  });
  return {
    month: '2026-10',
    today: '2026-11-22',
    timeZone: 'UTC',
    closed: null,
    lines,
    corrections: [{ month: '2026-09', lines: corrections }],
    pending: { total: usd('3'), bookIn: '2026-11' },
    policies,
    teamNames,
    budgets,
    engineTco: report.exactTco,
    report,
  };
}

describe('scopeMonthView', () => {
  it('every team: the view as it is', () => {
    const v = view();
    expect(scopeMonthView(v, undefined)).toBe(v);
  });

  it("team a: its row at the cents finance sees, and nothing that adds other teams' in", () => {
    const full = toChargebackJson(view());
    const mine = toChargebackJson(scopeMonthView(view(), ['a']));
    const a = full.rows.find((r) => r.team === 'a')!;
    expect(mine.rows).toEqual([{ ...a, share_of_total: null }]);
    expect(mine.unallocated).toBeNull();
    expect(mine.totals.tco_usd).toBe(a.tco_usd);
    expect(mine.totals.total_usd).toBe(a.total_usd);
    expect(mine.totals.requests).toBe(3);
    expect(mine.reconciliation).toMatchObject({ month_tco_usd: a.tco_usd, balanced: true });
    expect(mine.corrections).toEqual([{ month: '2026-09', usd: '1.000000' }]);
    expect(mine.pending_correction).toBeNull();
    // the cost assigned to team legal goes; the fixed split keeps a's share only
    expect(mine.policies.fixed_costs.map((f) => [f.id, f.fixed_shares])).toEqual([
      [1, null],
      [3, { a: 60 }],
    ]);
  });

  it("the CSV and the FOCUS file name team a only; FOCUS rows are finance's rows of a", () => {
    const scoped = scopeMonthView(view(), ['a']);
    const csv = chargebackCsvRecords(toChargebackJson(scoped));
    expect(csv.slice(1).map((r) => r[2])).toEqual(['a', 'TOTAL']);
    const focus = focusCsvOf(scoped).trim().split(/\r?\n/);
    const fullFocus = focusCsvOf(view()).trim().split(/\r?\n/);
    expect(focus.slice(1).every((row) => row.includes(',a,'))).toBe(true);
    expect(focus.slice(1)).toEqual(fullFocus.slice(1).filter((row) => row.includes(',a,')));
    expect(focusCsvOf(scoped)).not.toMatch(/Team B|,b,/);
  });
});
