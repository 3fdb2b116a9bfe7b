import { count } from 'drizzle-orm';
import type { Database } from '../db/client';
import { authUsers } from '../db/schema';
import { ConfigError } from '../db/config';
import { createUser } from './users';

const DEFAULT_ADMIN_EMAIL = 'admin@cut.local';

/**
 * The first admin, on a database with no user yet: CUT_ADMIN_EMAIL (default admin@cut.local)
 * with CUT_ADMIN_PASSWORD, or a generated password that is returned to be printed once and must
 * be changed at first sign-in. Later starts change nothing.
 */
export async function ensureAdminUser(
  db: Database,
  env: { email?: string; password?: string },
): Promise<{ email: string; password: string } | null> {
  const [row] = await db.orm.select({ n: count() }).from(authUsers);
  if ((row?.n ?? 0) > 0) return null;
  const email = (env.email?.trim() || DEFAULT_ADMIN_EMAIL).toLowerCase();
  const password = env.password || undefined;
  if (password !== undefined && password.length < 12) {
    throw new ConfigError('CUT_ADMIN_PASSWORD must be at least 12 characters');
  }
  const created = await createUser(db, { email, name: 'Admin', role: 'admin', teams: [], password }, 'system');
  return created.password ? { email, password: created.password } : null;
}
