import postgres from 'postgres';
import { testDatabaseUrl, testEngine } from './support/engine';

/** Fails the whole run up front, with one clear line, when the chosen database cannot be reached. */
export default async function setup() {
  if (testEngine() !== 'postgres') return;
  const url = testDatabaseUrl();
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (err) {
    throw new Error(
      `TEST_DATABASE_URL (${new URL(url).host}) is not reachable: ${(err as Error).message}. Start PostgreSQL or unset TEST_DATABASE_URL to test on PGlite only.`,
    );
  } finally {
    await sql.end({ timeout: 1 });
  }
}
