/**
 * Command line of `npm run generate`: parsed and checked up front, so a typo costs one clear
 * line instead of a half-written file or a half-posted run.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DAYS } from '../../lib/demo/generate';

const MAX_BATCH = 5000; // the API's per-request limit (api.md)
const DAY_MS = 86_400_000;

export class UsageError extends Error {}

export interface GenerateArgs {
  help: boolean;
  events: number;
  seed: number;
  days: number;
  endDate: Date;
  idPrefix: string;
  out: string | null;
  post: string | null;
  key: string | null;
  batch: number;
}

export const HELP = `Usage: npm run generate -- --events N [options]

Generates N deterministic demo events (90 days of five workload classes, one incident day,
late outcomes) and writes them as NDJSON and/or posts them to a CUT server.

  --events N        exact number of events to produce (required)
  --seed S          integer seed; the same seed and --end give byte-identical output (default 42)
  --days D          length of the window in days (default ${DEFAULT_DAYS})
  --end YYYY-MM-DD  last day of the window, UTC (default: yesterday)
  --id-prefix P     prefix of event and workflow ids (default "demo"); change it to load two runs side by side
  --out FILE        write one wire event per line to FILE; late outcomes go to a sibling file,
                    FILE with ".ndjson" replaced by ".outcomes.ndjson" (one wire outcome per line)
  --post URL        POST batches {"events": [...]} to URL (e.g. http://127.0.0.1:3000/api/v1/events),
                    then the outcomes {"outcomes": [...]} to the sibling path .../outcomes
  --key K           ingest key for --post (or set CUT_INGEST_KEY)
  --batch N         events per request, 1..${MAX_BATCH} (default 1000)
  --help            show this help

Requests answered 429 or 503 are retried after their Retry-After; any other error stops the run
with one line. At least one of --out and --post is required.`;

function positiveInteger(name: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = /^\d+$/.test(raw.replace(/_/g, '')) ? Number(raw.replace(/_/g, '')) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} must be an integer, got "${raw}"`);
  return n;
}

function day(raw: string | undefined, now: number): Date {
  if (raw === undefined) return new Date(Math.floor(now / DAY_MS) * DAY_MS - DAY_MS);
  const d = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) {
    throw new UsageError(`--end must be a date YYYY-MM-DD, got "${raw}"`);
  }
  return d;
}

function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--post must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--post must be an http(s) URL, got "${raw}"`);
  return url.toString();
}

export function parseGenerateArgs(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = {},
  now = Date.now(),
): GenerateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        events: { type: 'string' },
        seed: { type: 'string' },
        days: { type: 'string' },
        end: { type: 'string' },
        'id-prefix': { type: 'string' },
        out: { type: 'string' },
        post: { type: 'string' },
        key: { type: 'string' },
        batch: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\s*\n\s*/g, ' '));
  }
  const help = values.help === true;
  if (help)
    return {
      help,
      events: 0,
      seed: 0,
      days: 0,
      endDate: new Date(0),
      idPrefix: '',
      out: null,
      post: null,
      key: null,
      batch: 0,
    };

  const events = positiveInteger('events', values.events);
  const days = positiveInteger('days', values.days, DEFAULT_DAYS);
  const batch = positiveInteger('batch', values.batch, 1000);
  if (batch > MAX_BATCH) throw new UsageError(`--batch must be at most ${MAX_BATCH} (the API's limit), got ${batch}`);
  const idPrefix = values['id-prefix'] ?? 'demo';
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(idPrefix)) {
    throw new UsageError(`--id-prefix must be 1..32 letters, digits, '.', '_' or '-', got "${idPrefix}"`);
  }
  const post = values.post === undefined ? null : httpUrl(values.post);
  const key = values.key ?? env.CUT_INGEST_KEY?.trim() ?? null;
  if (post && !key) throw new UsageError('--post needs an ingest key: --key K or CUT_INGEST_KEY');
  if (!post && values.key !== undefined) throw new UsageError('--key is only used with --post');
  const out = values.out ?? null;
  if (out === '') throw new UsageError('--out must be a file path');
  if (!out && !post) throw new UsageError('nothing to do: give --out FILE and/or --post URL (see --help)');

  return {
    help,
    events,
    seed: integer('seed', values.seed, 42),
    days,
    endDate: day(values.end, now),
    idPrefix,
    out,
    post,
    key: key || null,
    batch,
  };
}

/** FILE.ndjson -> FILE.outcomes.ndjson (any other name gets the suffix appended). */
export function outcomesPath(out: string): string {
  return out.endsWith('.ndjson') ? `${out.slice(0, -'.ndjson'.length)}.outcomes.ndjson` : `${out}.outcomes.ndjson`;
}

/** The outcomes endpoint beside the events one: .../api/v1/events -> .../api/v1/outcomes. */
export function outcomesUrl(eventsUrl: string): string {
  const url = new URL(eventsUrl);
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/[^/]*$/, 'outcomes');
  return url.toString();
}
