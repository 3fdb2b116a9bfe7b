import { describe, expect, it } from 'vitest';
import type { RepricingJobJson } from '@/lib/api/repricing-wire';
import { isActive, summarizeJob } from '@/lib/dashboard/repricing';

const job = (over: Partial<RepricingJobJson>): RepricingJobJson => ({
  id: 7,
  reason: 'price openai/gpt-4o from 2026-09-01',
  status: 'queued',
  from_day: '2026-09-01',
  to_day: '2026-11-29',
  total_days: 90,
  done_days: 0,
  repriced_events: 0,
  error: null,
  created_at: '2026-11-30T10:00:00.000Z',
  started_at: null,
  finished_at: null,
  ...over,
});

describe('summarizeJob', () => {
  it.each([
    {
      name: 'queued: waiting, nothing done',
      job: job({}),
      state: 'waiting',
      progress: 0,
      text: 'Re-pricing for price openai/gpt-4o from 2026-09-01: waiting to start.',
    },
    {
      name: 'running: 45 of 90 days = half',
      job: job({ status: 'running', done_days: 45, started_at: '2026-11-30T10:00:00.000Z' }),
      state: 'running',
      progress: 0.5,
      text: 'Re-pricing for price openai/gpt-4o from 2026-09-01: running, 45 of 90 days done.',
    },
    {
      name: 'done: events, days and how long it took (2.35 s -> 2.4 s)',
      job: job({
        status: 'done',
        done_days: 90,
        repriced_events: 31_250,
        started_at: '2026-11-30T10:00:00.000Z',
        finished_at: '2026-11-30T10:00:02.350Z',
      }),
      state: 'done',
      progress: 1,
      text: 'Re-pricing for price openai/gpt-4o from 2026-09-01: done, 31,250 events re-priced over 90 days in 2.4 s.',
    },
    {
      name: 'done with no data in reach',
      job: job({ status: 'done', total_days: 0, finished_at: '2026-11-30T10:00:00.000Z' }),
      state: 'done',
      progress: 1,
      text: 'Re-pricing for price openai/gpt-4o from 2026-09-01: done, no data to re-price.',
    },
    {
      name: 'failed: says how far it got and that the change is kept',
      job: job({ status: 'failed', done_days: 1, error: 'lock timeout', finished_at: '2026-11-30T10:00:01.000Z' }),
      state: 'failed',
      progress: 1 / 90,
      text: 'Re-pricing for price openai/gpt-4o from 2026-09-01 failed after 1 day: lock timeout. The change is saved; saving it again retries.',
    },
  ])('$name', ({ job, state, progress, text }) => {
    const s = summarizeJob(job);
    expect(s.state).toBe(state);
    expect(s.progress).toBeCloseTo(progress, 12);
    expect(s.text).toBe(text);
  });

  it('queued and running jobs are active; done and failed are not', () => {
    expect(['queued', 'running', 'done', 'failed'].map((status) => isActive(job({ status })))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
