/**
 * A month's cost lines as FOCUS rows: one per day x team x SKU (a model on an API or a pool, a
 * pool's idle capacity, a fixed cost), tagged with the workload class. Costs are the amortized
 * chargeback figures, so BilledCost = EffectiveCost = ListCost = ContractedCost. Each team's rows
 * are rounded to the micro-dollar so they add up to that team's figure on the chargeback report,
 * to the cent. Corrections of closed months come as rows with ChargeClass "Correction", in their
 * original charge period and this month's billing period.
 */
import { UNALLOCATED } from '../costing/allocate-shared';
import { apportion } from '../chargeback/apportion';
import { addFigures, keyOf, lineKey, lineTotal, zeroFigures, type CostLine } from '../chargeback/lines';
import { addMonths, type Month } from '../chargeback/month';
import { costKindOf, describeRule, type Policies } from '../chargeback/policies';
import { dayFromNumber, dayNumber, startOfDay } from '../reporting-day';
import { formatUnits, PICO_DIGITS, type Pico } from '../money';
import type { FocusRow } from './columns';
import { serviceOfFixedCost } from './services';

const MICRO: Pico = 1_000_000n;

export interface FocusAccount {
  /** BillingAccountId: the internal chargeback ledger */
  id: string;
  name: string;
  /** InvoiceIssuerName and ProviderName: the platform that charges the teams */
  issuer: string;
}

export interface FocusInput {
  month: Month;
  timeZone: string;
  lines: readonly CostLine[];
  corrections: readonly CostLine[];
  policies: Policies;
  teamNames: ReadonlyMap<string, string>;
  /** each team's cents on the chargeback report: its own TCO and its corrections */
  teamCents: ReadonlyMap<string, { tco: Pico; correction: Pico }>;
  account: FocusAccount;
}

export function focusRows(input: FocusInput): FocusRow[] {
  const own = rowsOf(input, input.lines, 'tco');
  const corrections = rowsOf(input, input.corrections, 'correction');
  return [...own, ...corrections];
}

/** Review time joins its row's usage: it is the same grain's L4, like review reported on events. */
function mergeReview(lines: readonly CostLine[]): CostLine[] {
  const byKey = new Map<string, CostLine>();
  for (const line of lines) {
    const key = keyOf(line.kind === 'review' ? { ...line, kind: 'usage', source: '' } : line);
    const id = JSON.stringify(key);
    let acc = byKey.get(id);
    if (!acc) byKey.set(id, (acc = { ...key, ...zeroFigures() }));
    addFigures(acc, line);
  }
  return [...byKey.entries()]
    .map(([, line]) => ({ line, key: lineKey(line) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.line);
}

function rowsOf(input: FocusInput, lines: readonly CostLine[], part: 'tco' | 'correction'): FocusRow[] {
  const merged = mergeReview(lines);
  const byTeam = new Map<string, CostLine[]>();
  for (const line of merged) {
    const list = byTeam.get(line.team);
    if (list) list.push(line);
    else byTeam.set(line.team, [line]);
  }
  const amounts = new Map<CostLine, Pico>();
  for (const [team, teamLines] of byTeam) {
    const target = input.teamCents.get(team)?.[part];
    if (target === undefined) throw new RangeError(`no chargeback figure for team ${team}`);
    const micros = apportion(teamLines.map(lineTotal), MICRO, target);
    teamLines.forEach((l, i) => amounts.set(l, micros[i]!));
  }
  return merged.map((line) => toRow(input, line, amounts.get(line)!, part === 'correction'));
}

const usd = (pico: Pico) => formatUnits(pico, PICO_DIGITS, 6);
/** A plain decimal without trailing zeros: "0.006", "12", "-3.5". */
const plain = (units: bigint, digits: number) => {
  const s = formatUnits(units, digits, digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
};
// startOfDay builds Intl formatters: one call per distinct day, not four per row.
const utcCache = new Map<string, string>();
function utc(day: string, tz: string): string {
  const key = `${tz} ${day}`;
  let value = utcCache.get(key);
  if (value === undefined) {
    value = startOfDay(day, tz)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    if (utcCache.size > 10_000) utcCache.clear();
    utcCache.set(key, value);
  }
  return value;
}
const nextDay = (day: string) => dayFromNumber(dayNumber(day) + 1);
const synthetic = (name: string) => name.startsWith('__');

function toRow(input: FocusInput, line: CostLine, amount: Pico, correction: boolean): FocusRow {
  const { month, timeZone: tz, account, policies } = input;
  const layers = apportion([line.l1, line.l2, line.l3, line.l4, line.l5], MICRO, amount);
  const kind = costKindOf(line, policies);
  const allocated = line.kind === 'idle' || line.kind === 'fixed';
  const unallocated = line.team === UNALLOCATED;
  const service = serviceOf(input, line);
  const isUsage = line.kind === 'usage';
  return {
    BillingAccountId: account.id,
    BillingAccountName: account.name,
    BillingCurrency: 'USD',
    BillingPeriodStart: utc(`${month}-01`, tz),
    BillingPeriodEnd: utc(`${addMonths(month, 1)}-01`, tz),
    ChargePeriodStart: utc(line.day, tz),
    ChargePeriodEnd: utc(nextDay(line.day), tz),
    ChargeCategory: service.category === 'fixed' ? 'Purchase' : 'Usage',
    ChargeClass: correction ? 'Correction' : null,
    ChargeFrequency: service.category === 'fixed' ? 'Recurring' : 'Usage-Based',
    ChargeDescription: (correction ? 'Correction after month close: ' : '') + service.description,
    BilledCost: usd(amount),
    EffectiveCost: usd(amount),
    ListCost: usd(amount),
    ContractedCost: usd(amount),
    PricingQuantity: service.quantity,
    PricingUnit: service.unit,
    ConsumedQuantity: service.category === 'fixed' ? null : service.quantity,
    ConsumedUnit: service.category === 'fixed' ? null : service.unit,
    InvoiceIssuerName: account.issuer,
    ProviderName: account.issuer,
    PublisherName: service.publisher,
    ServiceProviderName: service.publisher,
    HostProviderName: service.host,
    ServiceName: service.name,
    ServiceCategory: service.serviceCategory,
    ServiceSubcategory: service.serviceSubcategory,
    SubAccountId: line.team,
    SubAccountName: input.teamNames.get(line.team) ?? (unallocated ? 'Unallocated' : line.team),
    SubAccountType: 'Team',
    ResourceId: service.resourceId,
    ResourceName: service.resourceName,
    ResourceType: service.resourceType,
    SkuId: service.skuId,
    SkuMeter: service.meter,
    Tags: JSON.stringify({ workload_class: line.workloadClass }),
    AllocatedMethodId: allocated ? allocationMethod(line, policies) : null,
    AllocatedResourceId: allocated && !unallocated ? `${line.team}/${line.workloadClass}/${line.model}` : null,
    AllocatedResourceName:
      allocated && !unallocated ? `${input.teamNames.get(line.team) ?? line.team} (${line.workloadClass})` : null,
    AllocatedTags:
      allocated && !unallocated ? JSON.stringify({ team: line.team, workload_class: line.workloadClass }) : null,
    x_CostKind: kind,
    x_WorkloadClass: line.workloadClass,
    x_Model: synthetic(line.model) ? null : line.model,
    x_ModelProvider: synthetic(line.provider) ? null : line.provider,
    x_GpuPool: line.pool === '' ? null : line.pool,
    x_L1ModelCost: usd(layers[0]!),
    x_L2ServingCost: usd(layers[1]!),
    x_L3WorkloadCost: usd(layers[2]!),
    x_L4OrchestrationCost: usd(layers[3]!),
    x_L5OperationsCost: usd(layers[4]!),
    x_Requests: isUsage ? String(line.requests) : null,
    x_InputTokens: isUsage ? String(line.inputTokens) : null,
    x_CachedTokens: isUsage ? String(line.cachedTokens) : null,
    x_OutputTokens: isUsage ? String(line.outputTokens) : null,
    x_UsefulOutputTokens: isUsage ? plain(line.usefulNano, 9) : null,
    x_AcceptedWorkflows: isUsage ? String(line.acceptedWorkflows) : null,
    x_GpuHours: isUsage && line.pool !== '' ? plain(line.gpuNanoHours, 9) : null,
    x_IdlePolicy: policies.idlePolicy,
  };
}

/** A split that placed cost on a team; the unallocated line of `separate` was never split. */
function allocationMethod(line: CostLine, policies: Policies): string | null {
  if (line.kind === 'idle') {
    return line.team === UNALLOCATED && policies.idlePolicy === 'separate' ? null : 'cut-idle-share-by-gpu-hours';
  }
  const rule = policies.fixedCosts.find((f) => String(f.id) === line.source)?.rule;
  return rule ? `cut-fixed-${rule.replace(/_/g, '-')}` : 'cut-fixed';
}

interface Service {
  category: 'usage' | 'idle' | 'fixed';
  name: string;
  serviceCategory: string;
  serviceSubcategory: string;
  publisher: string;
  host: string;
  resourceId: string | null;
  resourceName: string | null;
  resourceType: string | null;
  skuId: string;
  meter: string;
  quantity: string;
  unit: string;
  description: string;
}

function serviceOf(input: FocusInput, line: CostLine): Service {
  if (line.kind === 'fixed') {
    const cost = input.policies.fixedCosts.find((f) => String(f.id) === line.source);
    const name = cost?.name ?? `Fixed cost ${line.source}`;
    const { category, subcategory } = serviceOfFixedCost(cost?.category ?? '', cost?.layer ?? 5);
    return {
      category: 'fixed',
      name,
      serviceCategory: category,
      serviceSubcategory: subcategory,
      publisher: 'Internal',
      host: 'Internal',
      resourceId: `fixed-cost/${line.source}`,
      resourceName: name,
      resourceType: 'Fixed cost',
      skuId: `fixed-cost/${line.source}`,
      meter: 'Monthly fee',
      quantity: plain(line.quantityNano, 9),
      unit: 'Months',
      description: `${name}: daily share of the monthly fee, ${cost ? describeRule(cost) : 'split rule deleted'}`,
    };
  }
  const pooled = {
    publisher: 'Self-hosted',
    host: 'Self-hosted',
    resourceId: `gpu-pool/${line.pool}`,
    resourceName: line.pool,
    resourceType: 'GPU pool',
  };
  if (line.kind === 'idle') {
    return {
      category: 'idle',
      name: `GPU capacity (${line.pool})`,
      serviceCategory: 'Compute',
      serviceSubcategory: 'Other (Compute)',
      ...pooled,
      skuId: `gpu-pool/${line.pool}/idle`,
      meter: 'Idle GPU-Hours',
      quantity: plain(line.quantityNano, 9),
      unit: 'GPU-Hours',
      description:
        line.team === UNALLOCATED
          ? `Idle GPU capacity of pool ${line.pool}, not placed on any team`
          : `Share of the idle GPU capacity of pool ${line.pool}`,
    };
  }
  const ai = { serviceCategory: 'AI and Machine Learning', serviceSubcategory: 'Generative AI' };
  if (line.pool !== '') {
    return {
      category: 'usage',
      name: `Self-hosted inference (${line.pool})`,
      ...ai,
      ...pooled,
      skuId: `gpu-pool/${line.pool}/${line.model}`,
      meter: 'GPU-Hours',
      quantity: plain(line.gpuNanoHours, 9),
      unit: 'GPU-Hours',
      description: `${line.model} on GPU pool ${line.pool} for ${line.workloadClass}: calls, retries, retrieval, evaluation, tool calls and review`,
    };
  }
  return {
    category: 'usage',
    name: `${line.provider} API`,
    ...ai,
    publisher: line.provider,
    host: line.provider,
    resourceId: null,
    resourceName: null,
    resourceType: null,
    skuId: `${line.provider}/${line.model}`,
    meter: 'Tokens',
    quantity: String(line.inputTokens + line.outputTokens),
    unit: 'Tokens',
    description: `${line.model} via the ${line.provider} API for ${line.workloadClass}: calls, retries, retrieval, evaluation, tool calls and review`,
  };
}
