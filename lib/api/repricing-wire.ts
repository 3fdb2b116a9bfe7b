/** A re-pricing job as the API shows it: progress in days, the events whose cost moved, timestamps. */
export interface RepricingJobRecord {
  id: number;
  reason: string;
  fromDay: string;
  toDay: string;
  status: string;
  totalDays: number;
  doneDays: number;
  repricedEvents: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export function toRepricingJobJson(j: RepricingJobRecord) {
  return {
    id: j.id,
    reason: j.reason,
    status: j.status,
    from_day: j.fromDay,
    to_day: j.toDay,
    total_days: j.totalDays,
    done_days: j.doneDays,
    repriced_events: j.repricedEvents,
    error: j.error,
    created_at: j.createdAt.toISOString(),
    started_at: j.startedAt?.toISOString() ?? null,
    finished_at: j.finishedAt?.toISOString() ?? null,
  };
}

export type RepricingJobJson = ReturnType<typeof toRepricingJobJson>;
