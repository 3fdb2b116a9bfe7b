import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/db/config';
import { ingestWorkerCount } from '@/ingest/parallel/pool';

describe('CUT_INGEST_WORKERS', () => {
  it.each([
    [1, 1],
    [2, 1],
    [4, 3],
    [16, 4],
  ])('unset on %d cores: %d worker(s), leaving a core to the request thread', (cores, workers) => {
    expect(ingestWorkerCount(undefined, cores)).toBe(workers);
    expect(ingestWorkerCount(' ', cores)).toBe(workers);
  });

  it.each([
    ['0', 0],
    ['3', 3],
  ])('%s -> %d', (raw, workers) => {
    expect(ingestWorkerCount(raw, 2)).toBe(workers);
  });

  it.each(['-1', '1.5', 'two', '65'])('%s is refused with a message naming the variable', (raw) => {
    expect(() => ingestWorkerCount(raw, 2)).toThrow(ConfigError);
    expect(() => ingestWorkerCount(raw, 2)).toThrow(/CUT_INGEST_WORKERS/);
  });
});
