import { describe, expect, it } from 'vitest';
import type { BatchDeltas } from '@/lib/rollup/aggregate';
import { holdDeltas, newBatchToken, releaseDeltas, releaseOrphans, takeDeltas } from '@/costing/held-deltas';

const deltas = (): BatchDeltas => ({ rollups: [], workflows: [] });

describe('held deltas', () => {
  it('gives a batch its deltas once, working them out only when taken', () => {
    const token = newBatchToken();
    let worked = 0;
    const made = deltas();
    holdDeltas(token, () => (worked++, made));
    expect(worked).toBe(0);
    expect(takeDeltas(token)).toBe(made);
    expect(worked).toBe(1);
    expect(takeDeltas(token)).toBeUndefined();
  });

  it('names every batch apart, in this process and as a token the pending row accepts', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newBatchToken));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) expect(t).toMatch(/^[0-9a-f]+:\d+$/);
  });

  it('lets go of deltas held past five minutes (their batch is then summed from its events) and of released ones', () => {
    const old = newBatchToken();
    const released = newBatchToken();
    const fresh = newBatchToken();
    holdDeltas(old, deltas, 0);
    holdDeltas(released, deltas, 1);
    releaseDeltas(released);
    holdDeltas(fresh, deltas, 5 * 60_000 + 1);
    expect(takeDeltas(old)).toBeUndefined();
    expect(takeDeltas(released)).toBeUndefined();
    expect(takeDeltas(fresh)).toEqual(deltas());
  });

  it('lets go of deltas whose batch another process folded, once their transaction must have ended', () => {
    const [folded, pending, young] = [newBatchToken(), newBatchToken(), newBatchToken()];
    holdDeltas(folded, deltas, 10_000_000);
    holdDeltas(pending, deltas, 10_000_000);
    holdDeltas(young, deltas, 10_025_000);
    releaseOrphans(new Set([pending]), 10_031_000);
    expect(takeDeltas(folded)).toBeUndefined();
    expect(takeDeltas(pending)).toEqual(deltas());
    expect(takeDeltas(young)).toEqual(deltas());
  });
});
