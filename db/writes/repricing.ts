import type { Database } from '../client';
import { copyRow } from '../copy-text';
import { filterSql, type KeyFilter } from '../queries/key-filter';

export interface RepricedRow {
  team: string;
  id: string;
  /** cost_usd, cost_source, pricebook_cost_usd, l1..l4, as stored */
  values: [string, string, string, string, string, string, string];
}

/** Writes new direct costs onto the events whose price changed. Runs inside a transaction. */
export async function updateEventCosts(tx: Database, rows: readonly RepricedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.exec(
    `create temp table if not exists reprice_stage (team text, id text, cost_usd numeric, cost_source cost_source,
       pricebook_cost_usd numeric, l1_usd numeric, l2_usd numeric, l3_usd numeric, l4_usd numeric)
       on commit delete rows;
     delete from reprice_stage`,
  );
  await tx.copyFrom(
    'reprice_stage',
    ['team', 'id', 'cost_usd', 'cost_source', 'pricebook_cost_usd', 'l1_usd', 'l2_usd', 'l3_usd', 'l4_usd'],
    rows.map((r) => copyRow([r.team, r.id, ...r.values])).join(''),
  );
  await tx.query(
    `update events e set cost_usd = s.cost_usd, cost_source = s.cost_source, pricebook_cost_usd = s.pricebook_cost_usd,
            l1_usd = s.l1_usd, l2_usd = s.l2_usd, l3_usd = s.l3_usd, l4_usd = s.l4_usd
       from reprice_stage s where e.team = s.team and e.id = s.id`,
  );
}

/** Removes a day's rollup rows that a price key can move, before they are rebuilt from events. */
export async function deleteRollups(tx: Database, day: string, filter: KeyFilter): Promise<void> {
  const where = filterSql(filter, 2, 'daily_rollups');
  await tx.query(`delete from daily_rollups where day = $1::date and ${where.sql}`, [day, ...where.params]);
}

/** Re-keys every workflow to its last event's day in a new reporting time zone, and forgets all rollups. */
export async function resetDays(tx: Database, timeZone: string): Promise<void> {
  await tx.query(`update workflows set day = (last_event_at at time zone $1)::date`, [timeZone]);
  await tx.exec(`delete from daily_rollups; delete from workflow_rollups; delete from allocations;
                 delete from settled_sums; delete from pool_days; delete from settled_days; delete from dirty_days`);
}
