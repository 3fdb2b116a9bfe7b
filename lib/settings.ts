import { z } from 'zod';
import { IDLE_POLICIES } from './costing/pricebook';
import { isValidTimeZone } from './reporting-day';

/** Settings that change how figures are computed, with their defaults and rules. */
export const SettingsSchema = z.object({
  idle_policy: z.enum(IDLE_POLICIES).default('share'),
  reporting_time_zone: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as UTC or Europe/Paris')
    .default('UTC'),
  strict_registry: z.boolean().default(false),
  ingest_rate_limit_per_minute: z.number().int().positive().default(600),
});

export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
