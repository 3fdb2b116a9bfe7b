import { describe, expect, it } from 'vitest';
import { paretoFrontier } from '@/lib/dashboard/pareto';

describe('paretoFrontier', () => {
  const points = paretoFrontier([
    { name: 'fast-dear', latencyMs: 400, cut: 900 },
    { name: 'slow-cheap', latencyMs: 4000, cut: 100 },
    { name: 'middle', latencyMs: 1000, cut: 300 },
    { name: 'beaten', latencyMs: 1200, cut: 350 }, // middle is faster and cheaper
    { name: 'tie-on-latency', latencyMs: 1000, cut: 320 }, // same speed as middle, dearer
    { name: 'unplaced', latencyMs: null, cut: 50 },
  ]);
  const frontier = (name: string) => points.find((p) => p.name === name)?.onFrontier;

  it('keeps options nothing beats on both latency and CUT', () => {
    expect(frontier('fast-dear')).toBe(true);
    expect(frontier('slow-cheap')).toBe(true);
    expect(frontier('middle')).toBe(true);
  });
  it('drops what another option matches on one figure and beats on the other', () => {
    expect(frontier('beaten')).toBe(false);
    expect(frontier('tie-on-latency')).toBe(false);
  });
  it('leaves out options missing a figure', () => {
    expect(points.map((p) => p.name)).not.toContain('unplaced');
  });
  it('two identical options both stay (neither is strictly better)', () => {
    const twins = paretoFrontier([
      { name: 'a', latencyMs: 1, cut: 1 },
      { name: 'b', latencyMs: 1, cut: 1 },
    ]);
    expect(twins.every((p) => p.onFrontier)).toBe(true);
  });
});
