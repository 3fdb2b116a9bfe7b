'use client';

import { createAuthClient } from 'better-auth/react';

/** Better Auth's browser client, on this origin's /api/auth. */
export const authClient = createAuthClient();

/** Starts sign-in at the configured identity provider (auth/server.ts registers it as `oidc`). */
export async function signInWithOidc(callbackURL: string): Promise<string | null> {
  const { data, error } = await authClient.$fetch<{ url?: string }>('/sign-in/oauth2', {
    method: 'POST',
    body: { providerId: 'oidc', callbackURL },
  });
  if (error || !data?.url) return error?.message ?? 'Signing in with your identity provider failed.';
  window.location.assign(data.url);
  return null;
}
