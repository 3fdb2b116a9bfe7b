import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDemo, type DemoOptions } from '@/lib/demo/generate';
import { toWireEvent, toWireOutcome } from '@/lib/events/wire';
import { SMALL_DEMO } from '../support/demo-fixture';

const small: DemoOptions = { ...SMALL_DEMO, days: 20, eventsPerDay: 400 };

/** The NDJSON the CLI would write, hashed: equal hashes mean byte-identical output. */
function fingerprint(options: DemoOptions): { hash: string; lines: number } {
  const hash = createHash('sha256');
  let lines = 0;
  for (const item of generateDemo(options).stream()) {
    const wire = item.kind === 'event' ? toWireEvent(item.event) : { outcome: toWireOutcome(item.outcome) };
    hash.update(`${JSON.stringify(wire)}\n`);
    lines++;
  }
  return { hash: hash.digest('hex'), lines };
}

describe('generateDemo determinism', () => {
  it('the same seed and end date give byte-identical output', () => {
    expect(fingerprint(small)).toEqual(fingerprint({ ...small }));
  });

  it('replaying events() on the same demo gives the same stream again', () => {
    const demo = generateDemo(small);
    const first = [...demo.events()].map((e) => JSON.stringify(toWireEvent(e)));
    const second = [...demo.events()].map((e) => JSON.stringify(toWireEvent(e)));
    expect(second).toEqual(first);
  });

  it('another seed gives different data of the same size', () => {
    const a = fingerprint(small);
    const b = fingerprint({ ...small, seed: small.seed + 1 });
    expect(b.hash).not.toBe(a.hash);
    const events = (o: DemoOptions) => [...generateDemo(o).events()].length;
    expect(events({ ...small, seed: small.seed + 1 })).toBe(events(small));
  });

  it('another end date moves the window and changes the data', () => {
    const later = { ...small, endDate: new Date(small.endDate.getTime() + 7 * 86_400_000) };
    expect(fingerprint(later).hash).not.toBe(fingerprint(small).hash);
  });

  it.each([
    [20, 400, 8000],
    [90, 150_000 / 90, 150_000],
    [7, 333.3, 2333],
  ])('%i days at %d events/day yield exactly round(days x eventsPerDay) events', (days, eventsPerDay, expected) => {
    const demo = generateDemo({ ...small, days, eventsPerDay });
    expect(demo.totalEvents).toBe(expected);
    let n = 0;
    for (const _ of demo.events()) n++;
    expect(n).toBe(expected);
  });

  it('the stream reports its own counts when it finishes', () => {
    const stream = generateDemo(small).stream();
    let events = 0;
    let outcomes = 0;
    const workflows = new Set<string>();
    let next = stream.next();
    for (; !next.done; next = stream.next()) {
      if (next.value.kind === 'event') {
        events++;
        workflows.add(next.value.event.workflowId);
      } else outcomes++;
    }
    expect(next.value).toEqual({ events, workflows: workflows.size, outcomes });
  });

  it('rejects an end date that is not a UTC midnight', () => {
    expect(() => generateDemo({ ...small, endDate: new Date('2025-06-30T12:00:00Z') })).toThrow(/UTC midnight/);
  });
});
