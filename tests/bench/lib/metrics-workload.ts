/**
 * What the metrics bench stores: the demo at a fixed seed over the 90 days ending yesterday (so the
 * dashboards' "last N days" are full days with data), its whole price book, and smaller extra
 * sets of events with their own id prefixes for the costing-cost phase.
 */
import type { Database } from '../../../db/client';
import { migrate } from '../../../db/migrate';
import { insertPriceBook } from '../../../db/writes/pricebook';
import { generateDemo, type DemoData } from '../../../lib/demo/generate';
import type { CutEvent } from '../../../lib/events/event';

const SEED = 424242;
const WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

/** UTC midnight of yesterday: the last whole day, never a day still receiving data. */
export function yesterdayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - DAY_MS);
}

export function loadDemo(events: number, endDate: Date): DemoData {
  const demo = generateDemo({
    seed: SEED,
    endDate,
    days: WINDOW_DAYS,
    eventsPerDay: events / WINDOW_DAYS,
    idPrefix: 'load',
  });
  if (demo.totalEvents !== events)
    throw new Error(`the generator would make ${demo.totalEvents} events, not ${events}`);
  return demo;
}

/** `count` events of the same generator over the `days` ending `endDate`, ids under `idPrefix`. */
export function extraEvents(count: number, endDate: Date, days: number, idPrefix: string): CutEvent[] {
  const demo = generateDemo({ seed: SEED + 1, endDate, days, eventsPerDay: count / days, idPrefix });
  return [...demo.events()];
}

/** Migrates the empty database and stores the demo's whole price book, fixed costs included. */
export async function seedPriceBook(db: Database, demo: DemoData): Promise<void> {
  await migrate(db);
  await db.transaction((tx) =>
    insertPriceBook(
      tx,
      {
        teams: demo.teams,
        workloadClasses: demo.workloadClasses,
        modelPrices: demo.modelPrices,
        pools: demo.pools,
        unitCosts: demo.unitCosts,
        fixedCosts: demo.fixedCosts,
      },
      'bench',
    ),
  );
}
