import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** Who pays: the chargeback owner. `__unallocated__` holds cost no rule can place. */
export const teams = pgTable('teams', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/** A kind of work, with the unit one accepted workflow is counted in ("resolved ticket"). */
export const workloadClasses = pgTable('workload_classes', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  unit: text('unit').notNull().default('accepted workflow'),
  createdAt: createdAt(),
});
