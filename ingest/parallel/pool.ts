import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConfigError } from '../../db/config';
import type { IngestContext } from '../context';
import type { IngestScope } from '../native/events';
import type { FromWorker, ToWorker } from './messages';
import type { PreparedBatch } from './prepare';
import type { EventPreparer } from './registry';

const MAX_DEFAULT_WORKERS = 4;
const RESTART_DELAY_MS = 1_000;

/**
 * CUT_INGEST_WORKERS: worker threads that parse, validate, price and encode event batches, so
 * the thread serving HTTP and the database is not the bottleneck. 0 keeps all of it in that
 * thread. By default one core is left to that thread (and the database, when it is PGlite).
 */
export function ingestWorkerCount(raw: string | undefined, cores = os.availableParallelism()): number {
  if (raw === undefined || raw.trim() === '') return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, cores - 1));
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > 64) {
    throw new ConfigError(`CUT_INGEST_WORKERS must be a whole number from 0 to 64, got ${JSON.stringify(raw)}`);
  }
  return count;
}

interface Slot {
  worker: Worker | null;
  ready: boolean;
  /** the context last sent to this worker */
  serial: number;
  pending: Map<number, (batch: PreparedBatch | null) => void>;
}

/**
 * A fixed set of worker threads (TypeScript loaded through tsx, see boot.mjs). A job goes to the
 * ready worker with the fewest in flight; a worker that dies answers its jobs with null (the
 * request then does the work itself) and is started again.
 */
export class IngestWorkerPool implements EventPreparer {
  private readonly slots: Slot[] = [];
  /** a number per loaded context, so a worker is sent each context once */
  private readonly serials = new WeakMap<IngestContext, number>();
  private nextSerial = 1;
  private nextJob = 1;
  private closing = false;

  constructor(
    size: number,
    private readonly onError: (err: unknown) => void,
  ) {
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: null, ready: false, serial: 0, pending: new Map() };
      this.slots.push(slot);
      this.spawn(slot);
    }
  }

  prepare(body: Uint8Array, scope: IngestScope, ctx: IngestContext): Promise<PreparedBatch | null> {
    const slot = this.pick();
    if (!slot?.worker) return Promise.resolve(null);
    let serial = this.serials.get(ctx);
    if (serial === undefined) this.serials.set(ctx, (serial = this.nextSerial++));
    const post = (message: ToWorker) => slot.worker!.postMessage(message);
    if (slot.serial !== serial) {
      const timeZone = ctx.settings.reporting_time_zone;
      post({ type: 'context', serial, book: ctx.book.data, timeZone, version: ctx.version });
      slot.serial = serial;
    }
    const job = this.nextJob++;
    return new Promise((resolve) => {
      slot.pending.set(job, resolve);
      post({ type: 'prepare', job, serial, body, team: scope.team });
    });
  }

  /** Ready workers, for the start-up log. */
  get ready(): number {
    return this.slots.filter((s) => s.ready).length;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }

  private pick(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) {
      if (slot.ready && (!best || slot.pending.size < best.pending.size)) best = slot;
    }
    return best;
  }

  private spawn(slot: Slot): void {
    const worker = new Worker(new URL('./boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./worker.ts', import.meta.url).href },
    });
    // The HTTP server keeps the process alive; the workers alone must not.
    worker.unref();
    Object.assign(slot, { worker, ready: false, serial: 0 });
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        slot.ready = true;
        return;
      }
      const resolve = slot.pending.get(message.job);
      slot.pending.delete(message.job);
      resolve?.(message.batch);
    });
    worker.on('error', (err) => this.onError(err));
    worker.on('exit', () => {
      const started = slot.ready;
      Object.assign(slot, { worker: null, ready: false });
      for (const resolve of slot.pending.values()) resolve(null);
      slot.pending.clear();
      // One that never started would fail again: ingest goes on in the request thread.
      if (this.closing || !started) return;
      setTimeout(() => this.closing || this.spawn(slot), RESTART_DELAY_MS).unref();
    });
  }
}
