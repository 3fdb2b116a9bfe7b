import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../lib/settings';
import type { Database } from '../client';
import { settings } from '../schema';

/** Stored settings over the defaults; a stored value that no longer validates falls back to its default. */
export async function getSettings(db: Database): Promise<Settings> {
  const rows = await db.orm.select().from(settings);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const field = SettingsSchema.shape[row.key as keyof Settings];
    if (field && field.safeParse(row.value).success) merged[row.key] = row.value;
  }
  return merged as Settings;
}
