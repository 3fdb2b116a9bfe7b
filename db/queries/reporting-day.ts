import { reportingDayFormatter } from '../../lib/reporting-day';
import type { Database } from '../client';
import { getSettings } from './settings';

/** The reporting day an instant falls on, in the configured reporting time zone. */
export async function getReportingDay(db: Database, at: Date): Promise<string> {
  const { reporting_time_zone: timeZone } = await getSettings(db);
  return reportingDayFormatter(timeZone)(at);
}
