import type { RepricingJobJson } from '../api/repricing-wire';

export interface JobSummary {
  id: number;
  state: 'waiting' | 'running' | 'done' | 'failed';
  /** one sentence for a status line */
  text: string;
  /** share of days done, 0..1 */
  progress: number;
}

const count = new Intl.NumberFormat('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count.format(n)} ${n === 1 ? one : many}`;

/** Seconds from start to finish, "2.3 s"; null while unfinished. */
function took(job: RepricingJobJson): string | null {
  if (!job.finished_at) return null;
  const ms = Date.parse(job.finished_at) - Date.parse(job.started_at ?? job.created_at);
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

/** A re-pricing job as a person reads it: what it is for, how far it got, and how it ended. */
export function summarizeJob(job: RepricingJobJson): JobSummary {
  const progress = job.total_days > 0 ? job.done_days / job.total_days : job.status === 'done' ? 1 : 0;
  const what = `Re-pricing for ${job.reason}`;
  switch (job.status) {
    case 'queued':
      return { id: job.id, state: 'waiting', progress, text: `${what}: waiting to start.` };
    case 'running':
      return {
        id: job.id,
        state: 'running',
        progress,
        text: `${what}: running, ${count.format(job.done_days)} of ${plural(job.total_days, 'day')} done.`,
      };
    case 'failed':
      return {
        id: job.id,
        state: 'failed',
        progress,
        text: `${what} failed after ${plural(job.done_days, 'day')}: ${job.error ?? 'no reason recorded'}. The change is saved; saving it again retries.`,
      };
    default:
      return {
        id: job.id,
        state: 'done',
        progress: 1,
        text:
          job.total_days === 0
            ? `${what}: done, no data to re-price.`
            : `${what}: done, ${plural(job.repriced_events, 'event')} re-priced over ${plural(job.total_days, 'day')} in ${took(job)}.`,
      };
  }
}

export const isActive = (job: RepricingJobJson) => job.status === 'queued' || job.status === 'running';
