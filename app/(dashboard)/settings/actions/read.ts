'use server';

import { can } from '@/lib/access/principal';
import { settingsPageData } from '../settings-data';
import { authorizeSettings } from './authorize';

/** The whole Settings page's data (refetched after each change); keys only for who manages them. */
export async function loadSettings() {
  const { db, caller } = await authorizeSettings('settings:read');
  return settingsPageData(db, { keys: can(caller, 'keys:manage') });
}
