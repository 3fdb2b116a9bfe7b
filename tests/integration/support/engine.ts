/** Which database engine this integration run uses; scripts/test.ts sets it per run. */
export type Engine = 'pglite' | 'postgres';

export function testEngine(): Engine {
  const raw = process.env.CUT_TEST_ENGINE ?? 'pglite';
  if (raw !== 'pglite' && raw !== 'postgres') throw new Error(`CUT_TEST_ENGINE must be pglite or postgres, got ${raw}`);
  return raw;
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'CUT_TEST_ENGINE=postgres needs TEST_DATABASE_URL (for example postgres://postgres@127.0.0.1:5432/postgres)',
    );
  }
  return url;
}
