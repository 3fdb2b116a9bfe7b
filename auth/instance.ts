import type { Database } from '../db/client';
import { getDatabase } from '../db/instance';
import { authConfigFromEnv, type AuthConfig } from './config';
import { createAuth, type Auth } from './server';

const byDatabase = new WeakMap<Database, Auth>();
let config: AuthConfig | undefined;

/** The Better Auth instance over `db`, configured from the environment once per process. */
export function authFor(db: Database): Auth {
  let auth = byDatabase.get(db);
  if (!auth) {
    config ??= authConfigFromEnv();
    auth = createAuth(db, config);
    byDatabase.set(db, auth);
  }
  return auth;
}

/** The process database's Better Auth instance. */
export async function getAuth(): Promise<Auth> {
  return authFor(await getDatabase());
}

/** Whether sign-in through an identity provider is configured, and its button label. */
export function oidcSignIn(): { name: string } | null {
  config ??= authConfigFromEnv();
  return config.oidc ? { name: config.oidc.name } : null;
}
