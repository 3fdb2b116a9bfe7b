import { parentPort } from 'node:worker_threads';
import { PriceBook } from '../../lib/costing/pricebook';
import { reportingDayFormatter } from '../../lib/reporting-day';
import type { FromWorker, ToWorker } from './messages';
import { prepareEventBatch, type PrepareContext } from './prepare';

/** The worker thread's side of the pool: prepares bodies with the context the pool last sent. */
const port = parentPort!;
let current: { serial: number; ctx: PrepareContext } | null = null;
let zone: { name: string; dayOf: (at: Date) => string } | null = null;

const reply = (message: FromWorker) => port.postMessage(message);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'context') {
    // The day formatter keeps a cache worth keeping across price-book changes.
    if (zone?.name !== msg.timeZone) zone = { name: msg.timeZone, dayOf: reportingDayFormatter(msg.timeZone) };
    current = { serial: msg.serial, ctx: { book: new PriceBook(msg.book), dayOf: zone.dayOf, version: msg.version } };
    return;
  }
  let batch = null;
  try {
    if (current?.serial === msg.serial) batch = prepareEventBatch(msg.body, { team: msg.team }, current.ctx);
  } catch {
    // The request thread redoes the work and meets (and reports) the same error.
  }
  reply({ type: 'done', job: msg.job, batch });
});
reply({ type: 'ready' });
