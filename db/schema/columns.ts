import { sql } from 'drizzle-orm';
import { bigint, date, numeric, text, timestamp } from 'drizzle-orm/pg-core';

/** USD amounts: exact decimal with pico-dollar scale (see lib/money.ts). */
export const usd = (name: string) => numeric(name, { precision: 24, scale: 12 });
/** Prices and rates as entered: 6 decimals (micro-dollars per unit). */
export const rate = (name: string) => numeric(name, { precision: 18, scale: 6 });
/** Fractional quantities that are multiplied into money (GPU-hours, useful tokens). */
export const quantity = (name: string) => numeric(name, { precision: 24, scale: 9 });
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => tstz('created_at').notNull().defaultNow();

/** A running count, summed as batches land. */
export const count = (name: string) =>
  bigint(name, { mode: 'number' })
    .notNull()
    .default(sql`0`);

/**
 * The rollup grain every daily table shares: reporting day x team x workload class x model x
 * provider x pool ('' for a managed API).
 */
export const grainColumns = () => ({
  team: text('team').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  workloadClass: text('workload_class').notNull(),
  model: text('model').notNull(),
  provider: text('provider').notNull(),
  pool: text('pool').notNull().default(''),
});
