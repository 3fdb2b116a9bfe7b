/**
 * generateDemo: a deterministic, realistic 90-day picture of LLM inference for the dashboard.
 * Pure: no I/O and no clock; the same options always give the same data, byte for byte.
 */
import type { CutEvent, CutOutcome } from '../events/event';
import { DEFAULT_WORKLOAD_CLASSES } from '../events/event';
import type { PoolVersion, UnitCost } from '../costing/pricebook';
import { PriceBook } from '../costing/pricebook';
import { DAY_MS, demoWindow, monthBefore } from './calendar';
import type { CallEnv } from './calls';
import { demoFixedCosts, type DemoFixedCost } from './fixed-costs';
import { INCIDENT_PROVIDER, MODELS } from './models';
import { H100_POOL, L40S_POOL, demoModelPrices, demoPools, demoUnitCosts, type DemoModelPrice } from './price-list';
import { incidentWindow, simulate, type DemoItem, type DemoSummary } from './simulate';
import { DEMO_TEAMS } from './workloads';

export type { DemoSummary } from './simulate';

export const DEFAULT_DAYS = 90;
/** 90 days of this give 150,000 events. */
const DEFAULT_EVENTS_PER_DAY = 150_000 / DEFAULT_DAYS;

/**
 * Weighted tokens (input x 0.25 + output) one GPU-hour serves. Calibrated so that, with the fleet
 * sized to the volume (demoPools), h100-a runs around 40% busy on weekdays and l40s-b 60-90%.
 */
const TOKENS_PER_GPU_HOUR: Record<string, number> = { [H100_POOL]: 9_500, [L40S_POOL]: 4_300 };

export interface DemoOptions {
  seed: number;
  /** the last day of the window, a UTC midnight */
  endDate: Date;
  days?: number;
  /** scale knob; the run has exactly round(eventsPerDay x days) events */
  eventsPerDay?: number;
  /** prefix of event and workflow ids, so that two demos can live side by side */
  idPrefix?: string;
}

export interface DemoData {
  /** first day (UTC midnight) and the exclusive end of the window */
  from: Date;
  to: Date;
  totalEvents: number;
  /** when the provider outage (the retry storm) ran */
  incident: { from: Date; to: Date; provider: string };
  teams: ReadonlyArray<{ slug: string; name: string }>;
  workloadClasses: ReadonlyArray<{ slug: string; name: string; unit: string }>;
  modelPrices: DemoModelPrice[];
  pools: PoolVersion[];
  unitCosts: UnitCost[];
  fixedCosts: DemoFixedCost[];
  /** events and outcomes interleaved in timestamp order, as a live system would receive them; returns the counts */
  stream(): Generator<DemoItem, DemoSummary>;
  /** every event in timestamp order; each call replays the simulation from the seed */
  events(): Generator<CutEvent>;
  /** late outcomes in timestamp order (those due after the window are not there yet) */
  outcomes(): Generator<CutOutcome>;
}

export function generateDemo(options: DemoOptions): DemoData {
  const days = options.days ?? DEFAULT_DAYS;
  const eventsPerDay = options.eventsPerDay ?? DEFAULT_EVENTS_PER_DAY;
  if (!Number.isFinite(eventsPerDay) || eventsPerDay < 0)
    throw new RangeError(`eventsPerDay must be >= 0, got ${eventsPerDay}`);
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  const window = demoWindow(options.endDate, days);
  const totalEvents = Math.round(eventsPerDay * days);
  const priceFrom = monthBefore(window.startMs);
  const modelPrices = demoModelPrices(priceFrom);
  const [incidentFrom, incidentTo] = incidentWindow(window);

  const pools = demoPools(priceFrom, eventsPerDay / DEFAULT_EVENTS_PER_DAY);
  const env: CallEnv = {
    tokensPerGpuHour: TOKENS_PER_GPU_HOUR,
    poolCapacity: new Map(pools.map((p) => [p.name, provisionedMicroHours(p)])),
    prices: tokenPrices(modelPrices, priceFrom),
    incident: [incidentFrom, incidentTo],
  };
  const plan = { seed: options.seed, window, totalEvents, idPrefix: options.idPrefix ?? 'demo', env };

  return {
    from: new Date(window.startMs),
    to: new Date(window.endMs),
    totalEvents,
    incident: { from: new Date(incidentFrom), to: new Date(incidentTo), provider: INCIDENT_PROVIDER },
    teams: DEMO_TEAMS,
    workloadClasses: DEFAULT_WORKLOAD_CLASSES,
    modelPrices,
    pools,
    unitCosts: demoUnitCosts(priceFrom),
    fixedCosts: demoFixedCosts(priceFrom.toISOString().slice(0, 10)),
    stream: () => simulate(plan),
    *events() {
      for (const item of simulate(plan)) if (item.kind === 'event') yield item.event;
    },
    *outcomes() {
      for (const item of simulate(plan)) if (item.kind === 'outcome') yield item.outcome;
    },
  };
}

function provisionedMicroHours(p: PoolVersion): number {
  return p.provisionedGpuHoursPerDay === null ? p.gpuCount * 24 * 1_000_000 : Number(p.provisionedGpuHoursPerDay);
}

/** Pico-dollars per token of every managed model the demo calls, resolved through the real price book. */
function tokenPrices(prices: DemoModelPrice[], at: Date): CallEnv['prices'] {
  const book = new PriceBook({ modelPrices: prices, pools: [], unitCosts: [] });
  const map = new Map<string, { input: bigint; cached: bigint; output: bigint }>();
  const when = new Date(at.getTime() + DAY_MS);
  for (const m of Object.values(MODELS)) {
    const p = m.pool ? undefined : book.modelPrice(m.provider, m.model, when);
    if (p) map.set(m.model, { input: p.inputPer1m, cached: p.cachedInputPer1m, output: p.outputPer1m });
  }
  return map;
}
