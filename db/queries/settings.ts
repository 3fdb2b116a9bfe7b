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

/** Bumped by every price-book or settings change; a batch priced under an older one is re-priced. */
export async function getPricebookVersion(db: Database): Promise<number> {
  const [row] = await db.query<{ v: string }>(
    `select coalesce((select value::text from settings where key = 'pricebook_version'), '0') as v`,
  );
  return Number(row?.v ?? 0);
}
