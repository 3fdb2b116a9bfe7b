'use server';

import { applySettingsChange, PutSettingsBody } from '@/app/api/v1/_config/settings-change';
import { authorizeSettings } from './authorize';
import { attempt, validate } from './result';

/** As PUT /api/v1/settings: idle policy, time zone, registry, rate limit and unit-cost versions. */
export async function saveSettings(input: unknown) {
  const { db, actor } = await authorizeSettings('settings:write');
  const body = validate(PutSettingsBody, input);
  if (!body.ok) return body.result;
  return attempt(() => applySettingsChange(db, body.value, actor));
}
