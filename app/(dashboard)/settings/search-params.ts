import { createLoader, parseAsStringLiteral } from 'nuqs/server';

const SETTINGS_TABS = ['prices', 'pools', 'fixed-costs', 'policies', 'keys', 'audit'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

/** Which section of Settings is open, so a link can point at it. */
export const settingsSearchParams = { tab: parseAsStringLiteral(SETTINGS_TABS).withDefault('prices') };

export const loadSettingsSearchParams = createLoader(settingsSearchParams);
