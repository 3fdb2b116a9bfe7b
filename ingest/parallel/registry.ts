import type { IngestContext } from '../context';
import type { IngestScope } from '../native/events';
import type { PreparedBatch } from './prepare';

/** Something that prepares event batches off the request thread (the worker pool). */
export interface EventPreparer {
  /** null when it cannot: the body is malformed, or no worker is up; the caller then does the work itself */
  prepare(body: Uint8Array, scope: IngestScope, ctx: IngestContext): Promise<PreparedBatch | null>;
}

/**
 * `npm start` starts the pool and registers it here before Next serves; route handlers in any
 * bundle find it on globalThis (as they find the database). Under next dev and in tests there
 * is none, and ingest does its work in the request's thread.
 */
const KEY = Symbol.for('cut.ingest.preparer');
type Holder = { [KEY]?: EventPreparer };

export function setEventPreparer(preparer: EventPreparer | undefined): void {
  (globalThis as Holder)[KEY] = preparer;
}

export function getEventPreparer(): EventPreparer | undefined {
  return (globalThis as Holder)[KEY];
}
