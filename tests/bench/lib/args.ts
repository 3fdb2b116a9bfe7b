import { parseArgs } from 'node:util';

export type Engine = 'postgres' | 'pglite';

export interface BenchArgs {
  events: number;
  clients: number;
  batch: number;
  engines: Engine[];
  databaseUrl: string;
  /** profile the server's CPU (slows it down: figures from such a run are not the benchmark's) */
  cpuProfDir: string | null;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run bench:ingest -- [--events N] [--clients K] [--batch B]
       [--engine postgres|pglite|both] [--database-url URL] [--cpu-prof DIR]
  --events        events to ingest (default 1000000)
  --clients       concurrent HTTP clients (default 4)
  --batch         events per request, at most 5000 (default 1000)
  --engine        which database engine(s) to measure (default both)
  --database-url  a PostgreSQL server the bench may create and drop a database on
                  (default $BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --cpu-prof      write a V8 CPU profile of the server to DIR (figures are then slower)`;

const MAX_BATCH = 5_000; // api.md: at most 5,000 events a request

export function positiveInt(
  name: string,
  raw: string | undefined,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max.toLocaleString('en-US')}, got ${raw}`);
  }
  return value;
}

export function parseBenchArgs(argv: string[], env: Record<string, string | undefined> = process.env): BenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        events: { type: 'string' },
        clients: { type: 'string' },
        batch: { type: 'string' },
        engine: { type: 'string' },
        'database-url': { type: 'string' },
        'cpu-prof': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) throw new UsageError('');
  const engine = values.engine ?? 'both';
  if (engine !== 'postgres' && engine !== 'pglite' && engine !== 'both') {
    throw new UsageError(`--engine must be postgres, pglite or both, got ${engine}`);
  }
  const databaseUrl = databaseUrlOption(values['database-url'], env);
  return {
    events: positiveInt('events', values.events, 1_000_000),
    clients: positiveInt('clients', values.clients, 4, 1_000),
    batch: positiveInt('batch', values.batch, 1_000, MAX_BATCH),
    engines: engine === 'both' ? ['postgres', 'pglite'] : [engine],
    databaseUrl,
    cpuProfDir: values['cpu-prof'] ?? null,
  };
}

/** The server a bench may create and drop its database on: the option, then $BENCH_DATABASE_URL, then the local one. */
export function databaseUrlOption(raw: string | undefined, env: Record<string, string | undefined>): string {
  const databaseUrl = raw ?? env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  try {
    const url = new URL(databaseUrl);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error();
  } catch {
    throw new UsageError(`--database-url must look like postgres://user@host:5432/database, got ${databaseUrl}`);
  }
  return databaseUrl;
}
