// A worker thread does not inherit tsx's module hooks on Node 20: register them, then load the
// TypeScript entry named by the pool.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
