'use server';

import { repricingJobsData, settingsPageData } from '../settings-data';
import { authorizeSettings } from './authorize';

/** The whole Settings page's data (refetched after each change). */
export async function loadSettings() {
  const { db } = await authorizeSettings();
  return settingsPageData(db);
}

/** The latest re-pricing jobs, polled while one runs. */
export async function loadRepricingJobs() {
  const { db } = await authorizeSettings();
  return repricingJobsData(db);
}
