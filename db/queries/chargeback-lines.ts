import { parseLine, type CostLine, type LineRecord } from '../../lib/chargeback/lines';
import type { Database } from '../client';

/** The output columns of a line, named after LineRecord, from a relation with the stored names. */
const LINE_OUTPUT = `day::text as "day", team as "team", workload_class as "workloadClass", model as "model",
  provider as "provider", pool as "pool", kind as "kind", source as "source",
  l1_usd::text as "l1", l2_usd::text as "l2", l3_usd::text as "l3", l4_usd::text as "l4", l5_usd::text as "l5",
  requests::text as "requests", input_tokens::text as "inputTokens", cached_tokens::text as "cachedTokens",
  output_tokens::text as "outputTokens", accepted_workflows::text as "acceptedWorkflows",
  gpu_hours::text as "gpuNanoHours", useful_output_tokens::text as "usefulNano", quantity::text as "quantityNano"`;

/**
 * Direct cost and volumes from the rollups (a grain may have workflow figures and no events),
 * then the engine's allocations, one layer each, with what an allocation stands for: idle
 * GPU-hours (cost / that day's pool rate) or months of a fixed cost (cost / monthly amount).
 */
const LIVE_LINES = `
  with r as (select * from daily_rollups where day between $1::date and $2::date),
       w as (select * from workflow_rollups where day between $1::date and $2::date)
  select day, team, workload_class, model, provider, pool, 'usage' as kind, '' as source,
         coalesce(r.l1_usd, 0) as l1_usd, coalesce(r.l2_usd, 0) as l2_usd, coalesce(r.l3_usd, 0) as l3_usd,
         coalesce(r.l4_usd, 0) as l4_usd, 0::numeric as l5_usd,
         coalesce(r.requests, 0) as requests, coalesce(r.input_tokens, 0) as input_tokens,
         coalesce(r.cached_tokens, 0) as cached_tokens, coalesce(r.output_tokens, 0) as output_tokens,
         coalesce(w.accepted_workflows, 0) as accepted_workflows, coalesce(r.gpu_hours, 0) as gpu_hours,
         coalesce(w.useful_output_tokens, 0) as useful_output_tokens, 0::numeric as quantity
    from r full join w using (team, day, workload_class, model, provider, pool)
  union all
  select a.day, a.team, a.workload_class, a.model, a.provider, a.pool, a.kind::text, a.source,
         0, case when a.layer = 2 then a.usd else 0 end, 0,
         case when a.layer = 4 then a.usd else 0 end, case when a.layer = 5 then a.usd else 0 end,
         0, 0, 0, 0, 0, 0, 0,
         coalesce(case when a.kind = 'idle' then round(a.usd / nullif(p.usd_per_gpu_hour, 0), 9)
                       when a.kind = 'fixed' then round(a.usd / nullif(f.monthly_usd, 0), 9) end, 0)
    from allocations a
    left join pool_days p on a.kind = 'idle' and p.pool = a.source and p.day = a.day
    left join fixed_costs f on a.kind = 'fixed' and f.id::text = a.source
   where a.day between $1::date and $2::date`;

export interface DayRangeParams {
  /** inclusive reporting days YYYY-MM-DD */
  from: string;
  to: string;
}

/** The cost lines of a day range as the costing engine has them now. */
export async function getLiveLines(db: Database, range: DayRangeParams): Promise<CostLine[]> {
  const rows = await db.query<LineRecord>(
    `select ${LINE_OUTPUT} from (${LIVE_LINES}) l order by 1, 2, 3, 4, 5, 6, 7, 8`,
    [range.from, range.to],
  );
  return rows.map(parseLine);
}

/** The lines a closed month was frozen with (days in the range). */
export async function getFrozenLines(db: Database, range: DayRangeParams): Promise<CostLine[]> {
  const rows = await db.query<LineRecord>(
    `select ${LINE_OUTPUT} from closed_month_lines where day between $1::date and $2::date order by 1, 2, 3, 4, 5, 6, 7, 8`,
    [range.from, range.to],
  );
  return rows.map(parseLine);
}

export interface BookedCorrectionsParams {
  /** corrections booked into this month */
  bookedMonth?: string;
  /** corrections of days in this range, whichever month they were booked into */
  range?: DayRangeParams;
}

/** Corrections already booked (frozen at a month's close), by booking month or by corrected days. */
export async function getBookedCorrections(db: Database, params: BookedCorrectionsParams): Promise<CostLine[]> {
  const rows = await db.query<LineRecord>(
    `select ${LINE_OUTPUT} from correction_lines
      where ($1::text is null or booked_month = $1) and ($2::date is null or day between $2::date and $3::date)
      order by 1, 2, 3, 4, 5, 6, 7, 8`,
    [params.bookedMonth ?? null, params.range?.from ?? null, params.range?.to ?? null],
  );
  return rows.map(parseLine);
}
