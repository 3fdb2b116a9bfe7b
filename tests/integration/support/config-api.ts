import { setDatabase } from '@/db/instance';
import { createKey, ensureAdminKey } from '@/db/writes/keys';
import { freshDatabase, type TestDatabase } from './database';

const ADMIN_KEY = 'test-admin-key';

type Handler = (request: Request) => Promise<Response>;

export interface ApiResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read the JSON freely
  body: any;
}

/**
 * Calls a route handler the way Next would: a Request to its path with the admin key unless
 * `key` says otherwise (null: no Authorization header).
 */
export async function call(
  handler: Handler,
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null } = {},
): Promise<ApiResult> {
  const key = options.key === undefined ? ADMIN_KEY : options.key;
  const headers: Record<string, string> = {};
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await handler(
    new Request(`http://localhost${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A fresh database registered as the process database, with an admin key and an ingest key. */
export async function configApiDatabase(): Promise<{ db: TestDatabase; ingestKey: string }> {
  const db = await freshDatabase();
  setDatabase(db);
  await ensureAdminKey(db, ADMIN_KEY);
  const ingest = await createKey(db, { kind: 'ingest', name: 'sender', team: null }, 'test');
  return { db, ingestKey: ingest.secret };
}

/** The error message of a 400, for asserting that it names the field and the rule. */
export const message = (result: ApiResult): string => result.body?.error?.message ?? '';
