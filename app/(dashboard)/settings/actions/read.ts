'use server';

import { settingsPageData } from '../settings-data';
import { authorizeSettings } from './authorize';

/** The whole Settings page's data (refetched after each change). */
export async function loadSettings() {
  const { db } = await authorizeSettings();
  return settingsPageData(db);
}
