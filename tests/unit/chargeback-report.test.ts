import { describe, expect, it } from 'vitest';
import { diffLines, totalOf } from '@/lib/chargeback/lines';
import { buildChargebackReport, CENT, type ReportInput } from '@/lib/chargeback/report';
import { drillDown } from '@/lib/chargeback/drilldown';
import { line, POLICIES, usd } from '../support/cost-lines';

const base = (over: Partial<ReportInput>): ReportInput => ({
  month: '2026-10',
  lines: [],
  corrections: [],
  policies: POLICIES,
  teamNames: new Map([
    ['a', 'Team A'],
    ['b', 'Team B'],
    ['c', 'Team C'],
  ]),
  budgets: new Map(),
  today: '2026-11-22',
  ...over,
});

const third = usd('0.003333333333'); // a third of a cent, 1 pico short

describe('chargeback report', () => {
  it('three teams at a third of 1 cent each: the total is 1 cent and one team carries it', () => {
    const lines = ['a', 'b', 'c'].map((team) => line({ day: '2026-10-01', team }, { l1: third }));
    const r = buildChargebackReport(base({ lines }));
    expect(r.totals.tco).toBe(CENT);
    expect(r.rows.map((x) => [x.team, x.tco])).toEqual([
      ['a', CENT],
      ['b', 0n],
      ['c', 0n],
    ]);
  });

  it('layers, kinds and teams add up to the cent; direct/idle/shared/assigned follow the policies', () => {
    const lines = [
      line(
        { day: '2026-10-01', team: 'a' },
        { l1: usd('10.004'), l3: usd('1.003'), requests: 10n, acceptedWorkflows: 4n },
      ),
      line({ day: '2026-10-01', team: 'a', kind: 'review', source: 'review' }, { l4: usd('0.5') }),
      line({ day: '2026-10-01', team: 'a', pool: 'p1', kind: 'idle', source: 'p1' }, { l2: usd('3.3333') }),
      line({ day: '2026-10-01', team: 'a', kind: 'fixed', source: '1' }, { l5: usd('2.2222') }),
      line({ day: '2026-10-01', team: 'b', kind: 'fixed', source: '2' }, { l2: usd('2.9') }),
      line(
        { day: '2026-10-01', team: '__unallocated__', pool: 'p1', kind: 'idle', source: 'p1' },
        { l2: usd('1.0049') },
      ),
    ];
    const r = buildChargebackReport(base({ lines }));
    const a = r.rows.find((x) => x.team === 'a')!;
    // a: 10.004 + 1.003 + 0.5 + 3.3333 + 2.2222 = 17.0625; all: 17.0625 + 2.9 + 1.0049 = 20.9674 -> 20.97,
    // floors 17.06 + 2.90 + 1.00 = 20.96: the missing cent goes to the largest remainder (unallocated, .0049)
    expect(a.tco).toBe(usd('17.06'));
    expect(a.layers).toEqual([usd('10.01'), usd('3.33'), usd('1.00'), usd('0.50'), usd('2.22')]);
    expect(a.kinds).toEqual({ direct: usd('11.51'), idle: usd('3.33'), shared: usd('2.22'), assigned: 0n });
    expect(a.costPerAccepted).toBe(usd('4.265625'));
    expect(r.rows.find((x) => x.team === 'b')!.kinds.assigned).toBe(usd('2.90'));
    expect(r.unallocated?.tco).toBe(usd('1.01'));
    expect(r.totals.tco).toBe(usd('20.97'));
    expect(r.exactTco).toBe(totalOf(lines));
    for (const row of [...r.rows, r.unallocated!]) {
      expect(row.layers.reduce((s, v) => s + v, 0n)).toBe(row.tco);
      expect(Object.values(row.kinds).reduce((s, v) => s + v, 0n)).toBe(row.tco);
    }
  });

  it('corrections are their own column; the charge is TCO + corrections', () => {
    const lines = [line({ day: '2026-10-02', team: 'a' }, { l1: usd('5') })];
    const corrections = [line({ day: '2026-09-30', team: 'a' }, { l1: usd('-0.255') })];
    const r = buildChargebackReport(base({ lines, corrections }));
    expect(r.rows[0]!.correction).toBe(usd('-0.26'));
    expect(r.rows[0]!.total).toBe(usd('4.74'));
    expect(r.totals.total).toBe(usd('4.74'));
  });

  it('a budget shows use and forecast, and the threshold each reached', () => {
    const lines = [
      line({ day: '2026-11-01', team: 'a' }, { l1: usd('40') }),
      line({ day: '2026-11-22', team: 'a' }, { l1: usd('20') }),
    ];
    const r = buildChargebackReport(base({ month: '2026-11', lines, budgets: new Map([['a', usd('100')]]) }));
    const b = r.rows[0]!.budget!;
    expect(b.used).toBe(0.6);
    // 21 complete days cost 40 -> 40 / 21 x 30 = 57.142857142857
    expect(b.forecast).toBe(usd('57.142857142857'));
    expect(b.actualThreshold).toBe(50);
    expect(b.forecastThreshold).toBe(50);
  });
});

describe('corrections', () => {
  it('are live minus frozen minus already booked, per line; unchanged lines drop out', () => {
    const frozen = [
      line({ day: '2026-09-01', team: 'a' }, { l1: usd('10'), requests: 5n }),
      line({ day: '2026-09-01', team: 'b' }, { l1: usd('3') }),
    ];
    const live = [
      line({ day: '2026-09-01', team: 'a' }, { l1: usd('12'), requests: 6n }),
      line({ day: '2026-09-01', team: 'b' }, { l1: usd('3') }),
      line({ day: '2026-09-02', team: 'c' }, { l1: usd('1') }),
    ];
    const booked = [line({ day: '2026-09-01', team: 'a' }, { l1: usd('1.5') })];
    const diff = diffLines(live, frozen, booked);
    expect(diff.map((d) => [d.team, d.day, d.l1, d.requests])).toEqual([
      ['a', '2026-09-01', usd('0.5'), 1n],
      ['c', '2026-09-02', usd('1'), 0n],
    ]);
    expect(diffLines(frozen, live).map((d) => d.team)).toEqual(['a', 'c']);
  });
});

describe('team drill-down', () => {
  it('each breakdown shares the team total in cents', () => {
    const lines = [
      line({ day: '2026-10-01', team: 'a', workloadClass: 'x', model: 'm1' }, { l1: third }),
      line({ day: '2026-10-02', team: 'a', workloadClass: 'y', model: 'm1' }, { l1: third }),
      line({ day: '2026-10-02', team: 'a', workloadClass: 'y', model: 'm2' }, { l1: third }),
      line({ day: '2026-10-02', team: 'b', workloadClass: 'y', model: 'm2' }, { l1: usd('5') }),
    ];
    for (const by of ['workload_class', 'model', 'day'] as const) {
      const rows = drillDown(lines, 'a', by, CENT);
      expect(rows.reduce((s, r) => s + r.tco, 0n)).toBe(CENT);
    }
    expect(drillDown(lines, 'a', 'day', CENT).map((r) => r.key)).toEqual(['2026-10-01', '2026-10-02']);
  });
});
