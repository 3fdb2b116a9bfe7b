import { PACKED_BUCKET_DIGITS } from '../../lib/histogram';
import type { Database } from '../client';

/** A histogram column packed as lib/histogram.ts describes: every count zero-padded, top bucket first. */
const packed = (column: string) =>
  `(select string_agg(lpad(c::text, ${PACKED_BUCKET_DIGITS}, '0'), '' order by i desc)
      from unnest(${column}) with ordinality as u(c, i))::numeric`;

const GRAIN = 'team, day, workload_class, model, provider, pool';

/**
 * Rebuilds one day's settled_sums from its rollups and its (already rebuilt) allocations: a row
 * per grain either has, so a grain with cost allocated and no events keeps its allocations.
 */
export async function rebuildSettledSums(tx: Database, day: string): Promise<void> {
  await tx.query(`delete from settled_sums where day = $1::date`, [day]);
  await tx.query(
    `insert into settled_sums (${GRAIN}, alloc_l2_usd, idle_usd, alloc_l4_usd, alloc_l5_usd, latency_packed, ttft_packed)
     select ${GRAIN}, a.l2, a.idle, a.l4, a.l5, r.latency, r.ttft
       from (select ${GRAIN}, ${packed('latency_hist')} as latency, ${packed('ttft_hist')} as ttft
               from daily_rollups where day = $1::date) r
       full join (select ${GRAIN}, sum(usd) filter (where layer = 2) as l2, sum(usd) filter (where kind = 'idle') as idle,
                         sum(usd) filter (where layer = 4) as l4, sum(usd) filter (where layer = 5) as l5
                    from allocations where day = $1::date group by ${GRAIN}) a using (${GRAIN})`,
    [day],
  );
}
