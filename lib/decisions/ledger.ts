/**
 * What a what-if moves, kept as differences from the observed figures: per rollup row of a day
 * (what allocation weighs) and for the class as a whole (what its metrics row sums). Nothing is
 * estimated here: every amount is the engine's price of a changed call minus that of the original.
 */
import { usefulNanoTokens, type DirectCost } from '../costing/direct';
import type { Grain } from '../costing/allocate';
import type { CutEvent } from '../events/event';
import { parseDecimal, type Pico } from '../money';
import type { Repriced } from './reprice';

export interface RowDelta {
  day: string;
  grain: Grain;
  requests: number;
  outputTokens: number;
  gpuNanoHours: bigint;
  direct: Pico;
  acceptedWorkflows: number;
}

/** Differences in the sums behind a metrics row (MetricSums), money in pico, quantities in nano. */
export interface SumsDelta {
  unpriced: number;
  retries: number;
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  gpuNanoHours: bigint;
  base: Pico;
  l1: Pico;
  l2: Pico;
  l3: Pico;
  l4: Pico;
  acceptedWorkflows: number;
  rejectedWorkflows: number;
  usefulNano: bigint;
}

/** A workflow of the class counted in the period, as `workflows` holds it. */
export interface WorkflowFact {
  team: string;
  workflowId: string;
  day: string;
  grain: Grain;
  status: 'accepted' | 'rejected' | 'pending';
  usefulNano: bigint;
}

export const workflowKey = (team: string, workflowId: string) => `${team}\u0000${workflowId}`;
const rowKey = (day: string, g: Grain) => [day, g.team, g.workloadClass, g.model, g.provider, g.pool].join('\u0000');
const grainOfEvent = (e: CutEvent): Grain => ({
  team: e.team,
  workloadClass: e.workloadClass,
  model: e.model,
  provider: e.provider,
  pool: e.pool ?? '',
});
const directOf = (c: DirectCost): Pico => c.l1 + c.l2 + c.l3 + c.l4;
const nanoHours = (e: CutEvent): bigint => (e.gpuHours === '0' ? 0n : parseDecimal(e.gpuHours, 9));

export class Ledger {
  readonly rows = new Map<string, RowDelta>();
  readonly sums: SumsDelta = {
    unpriced: 0,
    retries: 0,
    inputTokens: 0,
    cachedTokens: 0,
    outputTokens: 0,
    gpuNanoHours: 0n,
    base: 0n,
    l1: 0n,
    l2: 0n,
    l3: 0n,
    l4: 0n,
    acceptedWorkflows: 0,
    rejectedWorkflows: 0,
    usefulNano: 0n,
  };
  /** useful-token change of each workflow's calls, counted once its acceptance is known */
  private readonly usefulByWorkflow = new Map<string, bigint>();

  private row(day: string, grain: Grain): RowDelta {
    const key = rowKey(day, grain);
    let row = this.rows.get(key);
    if (!row) {
      row = { day, grain, requests: 0, outputTokens: 0, gpuNanoHours: 0n, direct: 0n, acceptedWorkflows: 0 };
      this.rows.set(key, row);
    }
    return row;
  }

  /** One call of reporting day `day` replaced by its changed self. */
  addCall(day: string, original: CutEvent, r: Repriced): void {
    const { event: next, before, after } = r;
    const s = this.sums;
    s.unpriced += Number(after.source === 'unpriced') - Number(before.source === 'unpriced');
    s.retries += next.retryCount - original.retryCount;
    s.inputTokens += next.inputTokens - original.inputTokens;
    s.cachedTokens += next.cachedTokens - original.cachedTokens;
    s.outputTokens += next.outputTokens - original.outputTokens;
    s.gpuNanoHours += nanoHours(next) - nanoHours(original);
    s.base += after.base - before.base;
    s.l1 += after.l1 - before.l1;
    s.l2 += after.l2 - before.l2;
    s.l3 += after.l3 - before.l3;
    s.l4 += after.l4 - before.l4;

    const wasGrain = grainOfEvent(original);
    const nowGrain = grainOfEvent(next);
    const was = this.row(day, wasGrain);
    const now = rowKey(day, wasGrain) === rowKey(day, nowGrain) ? was : this.row(day, nowGrain);
    was.requests -= 1;
    was.outputTokens -= original.outputTokens;
    was.gpuNanoHours -= nanoHours(original);
    was.direct -= directOf(before);
    now.requests += 1;
    now.outputTokens += next.outputTokens;
    now.gpuNanoHours += nanoHours(next);
    now.direct += directOf(after);

    const sameUseful =
      next.outputTokens === original.outputTokens &&
      next.reasoningTokens === original.reasoningTokens &&
      next.retryCount === original.retryCount;
    const useful = sameUseful ? 0n : usefulNanoTokens(next) - usefulNanoTokens(original);
    if (useful !== 0n) {
      const key = workflowKey(original.team, original.workflowId);
      this.usefulByWorkflow.set(key, (this.usefulByWorkflow.get(key) ?? 0n) + useful);
    }
  }

  /**
   * Closes the books on the period's workflows: useful tokens count for accepted ones only, so
   * each workflow adds its accepted-after figure and takes back its accepted-before one.
   */
  settleWorkflows(workflows: readonly WorkflowFact[], flips: ReadonlyMap<string, 'accepted' | 'rejected'>): void {
    const s = this.sums;
    for (const w of workflows) {
      const key = workflowKey(w.team, w.workflowId);
      const status = flips.get(key) ?? w.status;
      const useful = w.usefulNano + (this.usefulByWorkflow.get(key) ?? 0n);
      s.usefulNano += (status === 'accepted' ? useful : 0n) - (w.status === 'accepted' ? w.usefulNano : 0n);
      if (status === w.status) continue;
      const gained = Number(status === 'accepted') - Number(w.status === 'accepted');
      s.acceptedWorkflows += gained;
      s.rejectedWorkflows += Number(status === 'rejected') - Number(w.status === 'rejected');
      this.row(w.day, w.grain).acceptedWorkflows += gained;
    }
  }
}
