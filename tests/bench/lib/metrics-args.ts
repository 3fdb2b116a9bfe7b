import { parseArgs } from 'node:util';
import { databaseUrlOption, positiveInt, UsageError } from './args';

export interface MetricsBenchArgs {
  events: number;
  databaseUrl: string;
  repeat: number;
}

export const METRICS_USAGE = `usage: npm run bench:metrics -- [--events N] [--database-url URL] [--repeat R]
  --events        events to load through the write path (default 10000000)
  --database-url  a PostgreSQL server the bench may create and drop a database on
                  (default $BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --repeat        calls of each dashboard query for its latency percentiles (default 30)`;

export function parseMetricsArgs(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): MetricsBenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        events: { type: 'string' },
        'database-url': { type: 'string' },
        repeat: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) throw new UsageError('');
  return {
    events: positiveInt('events', values.events, 10_000_000, 1_000_000_000),
    databaseUrl: databaseUrlOption(values['database-url'], env),
    repeat: positiveInt('repeat', values.repeat, 30, 10_000),
  };
}
