import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildChargebackReport } from '@/lib/chargeback/report';
import { ALL_COLUMNS, CUT_COLUMNS, FOCUS_COLUMNS } from '@/lib/focus/columns';
import { focusCsv } from '@/lib/focus/csv';
import { focusManifest } from '@/lib/focus/manifest';
import { focusRows, type FocusInput } from '@/lib/focus/rows';
import { parseDecimal } from '@/lib/money';
import { line, POLICIES, usd } from '../support/cost-lines';

const LINES = [
  line(
    { day: '2026-10-01', team: 'a' },
    {
      l1: usd('1.234567'),
      l3: usd('0.1'),
      requests: 12n,
      inputTokens: 1000n,
      outputTokens: 200n,
      acceptedWorkflows: 3n,
      usefulNano: 150_000_000_000n,
    },
  ),
  line({ day: '2026-10-01', team: 'a', kind: 'review', source: 'review' }, { l4: usd('0.25') }),
  line(
    { day: '2026-10-01', team: 'a', model: 'llama', provider: 'self-hosted', pool: 'p1' },
    { l2: usd('2'), requests: 4n, gpuNanoHours: 500_000_000n, outputTokens: 80n },
  ),
  line(
    { day: '2026-10-01', team: 'a', model: 'llama', provider: 'self-hosted', pool: 'p1', kind: 'idle', source: 'p1' },
    { l2: usd('3.3333333'), quantityNano: 833_333_333n },
  ),
  line(
    {
      day: '2026-10-01',
      team: '__unallocated__',
      workloadClass: '__unallocated__',
      model: '__idle__',
      provider: '__idle__',
      pool: 'p2',
      kind: 'idle',
      source: 'p2',
    },
    { l2: usd('1.5'), quantityNano: 500_000_000n },
  ),
  line({ day: '2026-10-02', team: 'b', kind: 'fixed', source: '1' }, { l5: usd('4.8387'), quantityNano: 16_129_032n }),
  line(
    {
      day: '2026-10-02',
      team: 'legal',
      workloadClass: '__unallocated__',
      model: '__fixed__',
      provider: '__fixed__',
      kind: 'fixed',
      source: '2',
    },
    { l2: usd('2.903225806452'), quantityNano: 32_258_065n },
  ),
];
const CORRECTIONS = [
  line({ day: '2026-09-30', team: 'a' }, { l1: usd('-0.4'), requests: 0n, inputTokens: 0n }),
  line({ day: '2026-09-30', team: 'b', kind: 'fixed', source: '1' }, { l5: usd('0.05') }),
];

function exportOf() {
  const teamNames = new Map([
    ['a', 'Team A'],
    ['b', 'Team B'],
    ['legal', 'Legal'],
  ]);
  const report = buildChargebackReport({
    month: '2026-10',
    lines: LINES,
    corrections: CORRECTIONS,
    policies: POLICIES,
    teamNames,
    budgets: new Map(),
    today: '2026-11-22',
  });
  const all = [...report.rows, ...(report.unallocated ? [report.unallocated] : [])];
  const input: FocusInput = {
    month: '2026-10',
    timeZone: 'Europe/Paris',
    lines: LINES,
    corrections: CORRECTIONS,
    policies: POLICIES,
    teamNames,
    teamCents: new Map(all.map((r) => [r.team, { tco: r.tco, correction: r.correction }])),
    account: { id: 'cut', name: 'CUT chargeback', issuer: 'CUT platform' },
  };
  const csv = focusCsv(focusRows(input));
  const [header] = parse(csv, { to_line: 1 }) as string[][];
  const rows = (parse(csv, { columns: true }) as Array<Record<string, string>>).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v])),
  );
  return { csv, header: header!, rows, report };
}

const PLACEHOLDERS = /^(n\/?a|null|none|undefined|nan|-|\s*|unknown)$/i;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The FOCUS 1.2 columns whose presence is an unconditional MUST (the specification's column list). */
// prettier-ignore
const FOCUS_1_2_MANDATORY = [
  'BilledCost', 'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodEnd', 'BillingPeriodStart',
  'ChargeCategory', 'ChargeClass', 'ChargeDescription', 'ChargePeriodEnd', 'ChargePeriodStart', 'ContractedCost',
  'EffectiveCost', 'InvoiceIssuerName', 'ListCost', 'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName',
  'ServiceCategory', 'ServiceName',
];

describe('FOCUS export, column by column', () => {
  const { header, rows, report } = exportOf();

  it('has every mandatory FOCUS 1.2 column, the 1.3 provider columns, and x_ columns only after them', () => {
    for (const name of [...FOCUS_1_2_MANDATORY, 'ServiceProviderName', 'HostProviderName'])
      expect(header).toContain(name);
    const firstCustom = header.findIndex((h) => h.startsWith('x_'));
    expect(firstCustom).toBe(FOCUS_COLUMNS.length);
    expect(header.slice(firstCustom).every((h) => /^x_[A-Z][A-Za-z0-9]*$/.test(h))).toBe(true);
    expect(header.slice(0, firstCustom).every((h) => /^[A-Z][A-Za-z0-9]*$/.test(h))).toBe(true);
    expect(header).toEqual(ALL_COLUMNS.map((c) => c.name));
  });

  it('writes each column in its FOCUS type, with real nulls and no placeholder strings', () => {
    for (const column of ALL_COLUMNS) {
      for (const row of rows) {
        const v = row[column.name] ?? null;
        if (v === null) continue;
        expect(PLACEHOLDERS.test(v), `${column.name}: ${JSON.stringify(v)}`).toBe(false);
        if (column.type === 'Decimal') expect(v, column.name).toMatch(DECIMAL);
        if (column.type === 'Date/Time') expect(v, column.name).toMatch(DATETIME);
        if (column.type === 'JSON') expect(typeof JSON.parse(v), column.name).toBe('object');
      }
    }
    const usage = rows.find((r) => r.x_CostKind === 'direct')!;
    const idle = rows.find((r) => r.x_CostKind === 'idle')!;
    expect(usage.AllocatedMethodId).toBeNull();
    expect(idle.x_Requests).toBeNull();
    expect(rows.find((r) => r.ChargeCategory === 'Purchase')!.ConsumedQuantity).toBeNull();
  });

  it('charge periods are reporting days in UTC, billing periods the month', () => {
    const first = rows.find((r) => r.ChargeClass === null)!;
    expect(first.BillingPeriodStart).toBe('2026-09-30T22:00:00Z'); // midnight in Paris (CEST)
    expect(first.BillingPeriodEnd).toBe('2026-10-31T23:00:00Z'); // after the switch to CET
    expect(first.ChargePeriodStart).toBe('2026-09-30T22:00:00Z');
    expect(first.ChargePeriodEnd).toBe('2026-10-01T22:00:00Z');
  });

  it('one row per day x team x SKU x workload class, review folded into its usage row', () => {
    const keys = rows.map((r) => [r.ChargePeriodStart, r.SubAccountId, r.SkuId, r.Tags, r.ChargeClass].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.filter((r) => r.ChargeClass === null)).toHaveLength(LINES.length - 1);
    const api = rows.find((r) => r.SkuId === 'openai/gpt-test' && r.ChargeClass === null)!;
    // A team's rows carry its rounding to the cent between them: here 4 rows share 0.21 cent.
    expect(Math.abs(Number(api.x_L4OrchestrationCost) - 0.25)).toBeLessThan(0.005 / 4 + 1e-6);
    expect(api.PricingQuantity).toBe('1200');
    expect(api.PricingUnit).toBe('Tokens');
    expect(api.x_UsefulOutputTokens).toBe('150');
  });

  it('EffectiveCost = BilledCost on every row, and each team adds up to its report figure to the cent', () => {
    for (const r of rows) expect(r.EffectiveCost).toBe(r.BilledCost);
    for (const team of [...report.rows, report.unallocated!]) {
      const own = rows.filter((r) => r.SubAccountId === team.team && r.ChargeClass === null);
      const corr = rows.filter((r) => r.SubAccountId === team.team && r.ChargeClass === 'Correction');
      const sum = (list: typeof rows) => list.reduce((s, r) => s + parseDecimal(r.EffectiveCost!, 12), 0n);
      expect(sum(own)).toBe(team.tco);
      expect(sum(corr)).toBe(team.correction);
      for (const r of own) {
        const layers = [
          'x_L1ModelCost',
          'x_L2ServingCost',
          'x_L3WorkloadCost',
          'x_L4OrchestrationCost',
          'x_L5OperationsCost',
        ];
        expect(layers.reduce((s, c) => s + parseDecimal(r[c]!, 12), 0n)).toBe(parseDecimal(r.EffectiveCost!, 12));
      }
    }
  });

  it('corrections of a closed month carry ChargeClass Correction in their own charge period', () => {
    const corr = rows.filter((r) => r.ChargeClass === 'Correction');
    expect(corr).toHaveLength(2);
    for (const r of corr) {
      expect(r.ChargePeriodStart).toBe('2026-09-29T22:00:00Z');
      expect(r.BillingPeriodStart).toBe('2026-09-30T22:00:00Z');
      expect(r.ChargeDescription).toMatch(/^Correction after month close/);
    }
    expect(corr.find((r) => r.SubAccountId === 'a')!.EffectiveCost).toBe('-0.400000');
  });

  it('an allocated share names its method and receiver; the unallocated portion has no receiver', () => {
    const shared = rows.find((r) => r.SkuId === 'fixed-cost/1' && r.ChargeClass === null)!;
    expect(shared.AllocatedMethodId).toBe('cut-fixed-weighted');
    expect(shared.AllocatedResourceId).toBe('b/customer_support/gpt-test');
    expect(shared.ChargeCategory).toBe('Purchase');
    expect(shared.ChargeFrequency).toBe('Recurring');
    const unplaced = rows.find((r) => r.SubAccountId === '__unallocated__')!;
    expect(unplaced.AllocatedResourceId).toBeNull();
    expect(unplaced.x_Model).toBeNull();
    expect(unplaced.SubAccountName).toBe('Unallocated');
  });

  it('keeps ratios out of the cost rows: every x_ measure adds up', () => {
    const names = CUT_COLUMNS.map((c) => c.name);
    expect(names.filter((n) => /Per(?=[A-Z])|Rate|Ratio|Share|Multiplier|Percent|Cut[A-Z]/.test(n))).toEqual([]);
    const requests = rows.reduce((s, r) => s + BigInt(r.x_Requests ?? '0'), 0n);
    expect(requests).toBe(
      LINES.reduce((s, l) => s + l.requests, 0n) + CORRECTIONS.reduce((s, l) => s + l.requests, 0n),
    );
  });

  it('the manifest names the version, the period, the policies and every column with its type', () => {
    const manifest = focusManifest({
      month: '2026-10',
      billingPeriodStart: '2026-10-01T00:00:00Z',
      billingPeriodEnd: '2026-11-01T00:00:00Z',
      status: 'open',
      closedAt: null,
      generatorVersion: '0.1.0',
      createdAt: new Date('2026-11-22T10:00:00.123Z'),
      policies: POLICIES,
      rows: rows.length,
      totalEffectiveCost: '1.00',
      correctionsEffectiveCost: '0.00',
    });
    expect(manifest.focus_version).toBe('1.2');
    expect(manifest.creation_date).toBe('2026-11-22T10:00:00Z');
    expect(manifest.policies.idle_policy).toBe('share');
    expect(manifest.policies.fixed_costs.map((f) => f.text)).toEqual(['shared by direct cost', 'assigned to legal']);
    expect(manifest.columns.map((c) => c.name)).toEqual(header);
    expect(manifest.columns.find((c) => c.name === 'EffectiveCost')).toMatchObject({
      data_type: 'Decimal',
      custom: false,
    });
    for (const id of new Set(rows.map((r) => r.AllocatedMethodId).filter(Boolean))) {
      expect(Object.keys(manifest.allocation_methods)).toContain(id);
    }
  });
});
