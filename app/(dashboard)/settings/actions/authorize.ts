import type { Database } from '@/db/client';
import { getDatabase } from '@/db/instance';

/**
 * The one gate every Settings action passes, and the actor its audit entries carry. Until the
 * dashboard has sessions every caller is "dashboard"; a session and role check belongs here, so
 * it covers every action at once.
 */
export async function authorizeSettings(): Promise<{ db: Database; actor: string }> {
  return { db: await getDatabase(), actor: 'dashboard' };
}
