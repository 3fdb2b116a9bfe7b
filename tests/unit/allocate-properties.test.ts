import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOCATION_RULES, type PoolVersion } from '@/lib/costing/pricebook';
import {
  UNALLOCATED,
  allocateDay,
  dailyShares,
  totalOf,
  type DayInput,
  type DayRow,
  type FixedCostInput,
  type Grain,
} from '@/lib/costing/allocate';
import { reviewCost } from '@/lib/costing/direct';
import { makePool } from '../support/events';
import { HOUR } from './allocate-fixtures';

const TEAMS = ['a', 'b', 'c', UNALLOCATED];
const POOLS = ['', 'p1', 'p2', 'p-unknown'];
const grain = (g: Grain) => [g.team, g.workloadClass, g.model, g.provider, g.pool].join('|');
const rate = (team: string) => BigInt(team.length) * 7_000_001n;

const rowArb: fc.Arbitrary<DayRow> = fc
  .record({
    team: fc.constantFrom(...TEAMS),
    workloadClass: fc.constantFrom('x', 'y'),
    model: fc.constantFrom('m1', 'm2'),
    pool: fc.constantFrom(...POOLS),
    requests: fc.nat(50),
    outputTokens: fc.oneof(fc.constant(0), fc.nat(1_000_000)),
    gpuNanoHours: fc.oneof(fc.constant(0n), fc.bigInt(0n, 30n * HOUR)),
    direct: fc.oneof(fc.constant(0n), fc.bigInt(0n, 10n ** 15n)),
    acceptedWorkflows: fc.nat(20),
    reviewMs: fc.oneof(fc.constant(0), fc.nat(7_200_000)),
  })
  .map(({ reviewMs, pool, gpuNanoHours, ...r }) => ({
    ...r,
    provider: pool === '' ? 'openai' : 'self-hosted',
    pool,
    gpuNanoHours: pool === '' ? 0n : gpuNanoHours,
    outcomeReviewSeconds: reviewMs / 1000,
  }));

const poolArb = (name: string): fc.Arbitrary<PoolVersion> =>
  fc
    .record({
      gpuCount: fc.nat(4),
      usdPerGpuHour: fc.bigInt(0n, 12_000_000n),
      billingGranularity: fc.constantFrom('second' as const, 'hour' as const),
      provisionedGpuHoursPerDay: fc.option(fc.bigInt(0n, 100_000_000n)),
    })
    .map((p) => makePool({ name, ...p }));

const fixedArb: fc.Arbitrary<FixedCostInput> = fc.record({
  id: fc.nat(1000),
  name: fc.constant('cost'),
  layer: fc.constantFrom(2 as const, 4 as const, 5 as const),
  rule: fc.constantFrom(...ALLOCATION_RULES),
  team: fc.option(fc.constantFrom(...TEAMS, 'nobody')),
  workloadClass: fc.option(fc.constantFrom('x', 'y', 'z')),
  fixedShares: fc.option(fc.dictionary(fc.constantFrom('a', 'b', 'nobody', UNALLOCATED), fc.nat(100))),
  amount: fc.bigInt(-(10n ** 12n), 10n ** 15n),
});

const dayArb: fc.Arbitrary<DayInput> = fc.record({
  day: fc.constant('2026-01-15'),
  // One row per grain, as the rollup gives them (duplicates are merged first: see allocate-day.test.ts).
  rows: fc.uniqueArray(rowArb, {
    maxLength: 25,
    selector: grain,
  }),
  pools: fc.tuple(poolArb('p1'), poolArb('p2')).map((p) => [...p]),
  fixedCosts: fc.uniqueArray(fixedArb, { maxLength: 5, selector: (c) => c.id }),
  idlePolicy: fc.constantFrom('share' as const, 'separate' as const),
  reviewerUsdPerHour: fc.constant(rate),
});

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe('allocateDay properties', () => {
  it("each pool's idle lines sum to its idle cost; each fixed cost's lines sum to its amount", () => {
    fc.assert(
      fc.property(dayArb, (input) => {
        const { allocations, pools } = allocateDay(input);
        for (const p of pools) {
          const placed = totalOf(allocations.filter((a) => a.kind === 'idle' && a.source === p.pool));
          expect(placed).toBe(p.idle);
          expect(p.provisionedNanoHours - p.idleNanoHours + p.overReportedNanoHours).toBe(p.usedNanoHours);
        }
        for (const c of input.fixedCosts) {
          expect(totalOf(allocations.filter((a) => a.kind === 'fixed' && a.source === String(c.id)))).toBe(c.amount);
        }
      }),
    );
  });

  it('total allocated = idle + fixed + review, under both policies', () => {
    fc.assert(
      fc.property(dayArb, (input) => {
        for (const idlePolicy of ['share', 'separate'] as const) {
          const { allocations, pools } = allocateDay({ ...input, idlePolicy });
          const review = sum(input.rows.map((r) => reviewCost(r.outcomeReviewSeconds, rate(r.team))));
          const fixed = sum(input.fixedCosts.map((c) => c.amount));
          expect(totalOf(allocations)).toBe(sum(pools.map((p) => p.idle)) + fixed + review);
        }
      }),
    );
  });

  it('separate puts all idle on __unallocated__; share puts none there when the pool has users', () => {
    fc.assert(
      fc.property(dayArb, (input) => {
        const separate = allocateDay({ ...input, idlePolicy: 'separate' }).allocations.filter((a) => a.kind === 'idle');
        expect(separate.every((a) => a.team === UNALLOCATED && a.model === '__idle__')).toBe(true);
        const share = allocateDay({ ...input, idlePolicy: 'share' }).allocations.filter((a) => a.kind === 'idle');
        for (const a of share.filter((x) => x.team === UNALLOCATED)) {
          const users = input.rows.filter((r) => r.pool === a.pool && r.team !== UNALLOCATED);
          expect(users.every((r) => r.gpuNanoHours === 0n && r.outputTokens === 0 && r.requests === 0)).toBe(true);
        }
      }),
    );
  });

  it('rows of __unallocated__ never receive a share: only synthetic lines carry idle or fixed there', () => {
    fc.assert(
      fc.property(dayArb, (input) => {
        const shared = allocateDay(input).allocations.filter((a) => a.kind !== 'review' && a.team === UNALLOCATED);
        expect(shared.every((a) => a.model === '__idle__' || a.model === '__fixed__')).toBe(true);
      }),
    );
  });

  it('the order of rows and fixed costs changes nothing; lines are unique and non-zero', () => {
    fc.assert(
      fc.property(dayArb, fc.integer(), (input, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, i) => ({ x, k: Math.imul(i + 1, seed | 1) >>> 0 }))
            .sort((p, q) => p.k - q.k)
            .map((p) => p.x);
        const base = allocateDay(input);
        const shuffled = allocateDay({ ...input, rows: shuffle(input.rows), fixedCosts: shuffle(input.fixedCosts) });
        expect(shuffled).toEqual(base);
        const keys = base.allocations.map((a) => `${a.kind}|${a.source}|${grain(a)}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(base.allocations.every((a) => a.amount !== 0n)).toBe(true);
      }),
    );
  });
});

describe('dailyShares properties', () => {
  it('sums to the monthly amount exactly, one share a day, no two days more than 1 pico apart', () => {
    fc.assert(
      fc.property(
        fc.bigInt(-(10n ** 18n), 10n ** 18n),
        fc.integer({ min: 1970, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        (monthly, year, month) => {
          const shares = dailyShares(monthly, year, month);
          expect(shares).toHaveLength(new Date(Date.UTC(year, month, 0)).getUTCDate());
          expect(sum(shares)).toBe(monthly);
          const sorted = [...shares].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(sorted.at(-1)! - sorted[0]!).toBeLessThanOrEqual(1n);
        },
      ),
    );
  });
});
