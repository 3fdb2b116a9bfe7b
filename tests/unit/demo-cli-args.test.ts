import { describe, expect, it } from 'vitest';
import { outcomesPath, outcomesUrl, parseGenerateArgs } from '@/scripts/lib/generate-args';

const NOW = Date.parse('2025-07-01T15:30:00Z');
const parse = (args: string, env: Record<string, string> = {}) =>
  parseGenerateArgs(args.split(' ').filter(Boolean), env, NOW);

describe('npm run generate arguments', () => {
  it('takes defaults for everything but --events and a destination', () => {
    expect(parse('--events 1000 --out x.ndjson')).toMatchObject({
      events: 1000,
      seed: 42,
      days: 90,
      batch: 1000,
      idPrefix: 'demo',
      out: 'x.ndjson',
      post: null,
      endDate: new Date('2025-06-30T00:00:00Z'), // yesterday, the last complete UTC day
    });
  });

  it('reads every option', () => {
    const args = parse(
      '--events 1_000_000 --seed=-7 --days 30 --end 2025-03-31 --post http://127.0.0.1:3000/api/v1/events --key k1 --batch 5000 --id-prefix run2',
    );
    expect(args).toMatchObject({ events: 1_000_000, seed: -7, days: 30, batch: 5000, key: 'k1', idPrefix: 'run2' });
    expect(args.endDate.toISOString()).toBe('2025-03-31T00:00:00.000Z');
  });

  it('takes the ingest key from CUT_INGEST_KEY', () => {
    expect(parse('--events 5 --post http://h/api/v1/events', { CUT_INGEST_KEY: 'env-key' }).key).toBe('env-key');
  });

  it.each([
    ['--out x', '--events is required'],
    ['--events 0 --out x', '--events must be a positive integer, got "0"'],
    ['--events 1.5 --out x', '--events must be a positive integer, got "1.5"'],
    ['--events ten --out x', '--events must be a positive integer, got "ten"'],
    ['--events 10 --out x --days=-3', '--days must be a positive integer'],
    ['--events 10 --out x --seed 1e3', '--seed must be an integer, got "1e3"'],
    ['--events 10 --out x --batch 6000', '--batch must be at most 5000'],
    ['--events 10 --out x --end 2025-02-30', '--end must be a date YYYY-MM-DD, got "2025-02-30"'],
    ['--events 10', 'nothing to do: give --out FILE and/or --post URL'],
    ['--events 10 --post ftp://x/y --key k', '--post must be an http(s) URL'],
    ['--events 10 --post http://h/api/v1/events', '--post needs an ingest key'],
    ['--events 10 --out x --key k', '--key is only used with --post'],
    ['--events 10 --out x --id-prefix a/b', '--id-prefix must be'],
    ['--events 10 --out x --colour', "Unknown option '--colour'"],
  ])('%s -> %s', (args, message) => {
    expect(() => parse(args)).toThrow(message);
  });

  it('--help needs nothing else', () => {
    expect(parse('--help').help).toBe(true);
  });

  it('names the outcomes file and endpoint beside the events ones', () => {
    expect(outcomesPath('out/demo.ndjson')).toBe('out/demo.outcomes.ndjson');
    expect(outcomesPath('demo.jsonl')).toBe('demo.jsonl.outcomes.ndjson');
    expect(outcomesUrl('http://127.0.0.1:3000/api/v1/events')).toBe('http://127.0.0.1:3000/api/v1/outcomes');
    expect(outcomesUrl('https://cut.example/api/v1/events/?x=1')).toBe('https://cut.example/api/v1/outcomes?x=1');
  });
});
