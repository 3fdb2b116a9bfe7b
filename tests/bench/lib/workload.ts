/**
 * The events a run sends: the demo generator at a fixed seed and window, scaled to exactly N
 * events. Both the HTTP phase and the raw COPY phase regenerate the same events from these options.
 */
import { generateDemo, type DemoData } from '../../../lib/demo/generate';
import { toWireEvent } from '../../../lib/events/wire';

const SEED = 424242;
const DAYS = 90;
/** A fixed past window, so runs on different days send the same data (and nothing is in the future). */
const END_DATE = new Date('2026-01-01T00:00:00Z');

export function benchDemo(events: number, idPrefix: string): DemoData {
  const demo = generateDemo({ seed: SEED, endDate: END_DATE, days: DAYS, eventsPerDay: events / DAYS, idPrefix });
  if (demo.totalEvents !== events) {
    throw new Error(`the demo generator would make ${demo.totalEvents} events, not ${events}`);
  }
  return demo;
}

export interface Bodies {
  /** request bodies `{"events":[...]}`, as bytes: they stay off the JS heap and are sent as they are */
  bodies: Uint8Array<ArrayBuffer>[];
  /** events in each body, to check `accepted` against */
  counts: number[];
  bytes: number;
  ms: number;
}

/** Serializes every event into JSON bodies of `batch` events: client work, done before any clock starts. */
export function serializeBodies(demo: DemoData, batch: number): Bodies {
  const started = performance.now();
  const encoder = new TextEncoder();
  const bodies: Uint8Array<ArrayBuffer>[] = [];
  const counts: number[] = [];
  let bytes = 0;
  let chunk: string[] = [];
  const flush = () => {
    const body = encoder.encode(`{"events":[${chunk.join(',')}]}`);
    bodies.push(body);
    counts.push(chunk.length);
    bytes += body.length;
    chunk = [];
  };
  for (const event of demo.events()) {
    chunk.push(JSON.stringify(toWireEvent(event)));
    if (chunk.length === batch) flush();
  }
  if (chunk.length) flush();
  const sent = counts.reduce((a, b) => a + b, 0);
  if (sent !== demo.totalEvents) throw new Error(`serialized ${sent} events, expected ${demo.totalEvents}`);
  return { bodies, counts, bytes, ms: performance.now() - started };
}
