import { generateDemo, type DemoOptions } from '@/lib/demo/generate';
import type { CutEvent, CutOutcome } from '@/lib/events/event';

/** A smaller demo than the product's (same shapes, fewer events) so the suites stay quick. */
export const SMALL_DEMO: DemoOptions = {
  seed: 1234,
  endDate: new Date('2025-06-30T00:00:00Z'),
  days: 60,
  eventsPerDay: 1000,
};

export function materialize(options: DemoOptions = SMALL_DEMO) {
  const demo = generateDemo(options);
  const events: CutEvent[] = [];
  const outcomes: CutOutcome[] = [];
  for (const item of demo.stream()) {
    if (item.kind === 'event') events.push(item.event);
    else outcomes.push(item.outcome);
  }
  return { demo, events, outcomes };
}

export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Groups values by a key, preserving first-seen order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
