import { getDatabase } from '@/db/instance';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Liveness and database reachability, for load balancers and the e2e harness. */
export async function GET() {
  try {
    const db = await getDatabase();
    await db.query('select 1');
    return Response.json({ status: 'ok', database: db.kind });
  } catch {
    return Response.json(
      { error: { code: 'database_unavailable', message: 'the database is not reachable' } },
      { status: 503, headers: { 'Retry-After': '5' } },
    );
  }
}
