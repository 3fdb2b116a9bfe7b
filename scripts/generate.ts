/**
 * `npm run generate -- --events N ...`: the demo generator at any size, written as NDJSON and/or
 * posted to a running CUT. See --help (scripts/lib/generate-args.ts) for the options.
 */
import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateDemo, type DemoSummary } from '../lib/demo/generate';
import { toWireEvent, toWireOutcome, type WireEventJson, type WireOutcomeJson } from '../lib/events/wire';
import { HELP, UsageError, outcomesPath, outcomesUrl, parseGenerateArgs, type GenerateArgs } from './lib/generate-args';
import { IngestError, postBatch, type BatchResult } from './lib/ingest-client';
import { ProgressBar, fmt } from './lib/progress-bar';

const FLUSH_CHARS = 1 << 20;
const SHOWN_REJECTIONS = 5;

/** Collects lines and writes them in ~1 MB chunks, waiting when the file cannot keep up. */
class LineWriter {
  private readonly stream: WriteStream;
  private parts: string[] = [];
  private size = 0;
  private failure: Error | null = null;
  constructor(readonly path: string) {
    // Opening up front makes a bad path fail before any work, with the system's own message.
    this.stream = createWriteStream(path, { fd: openSync(path, 'w') });
    this.stream.on('error', (err) => (this.failure = err));
  }
  async write(line: string): Promise<void> {
    if (this.failure) throw this.failure;
    this.parts.push(line, '\n');
    this.size += line.length + 1;
    if (this.size >= FLUSH_CHARS) await this.flush();
  }
  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

interface PostTotals {
  accepted: number;
  duplicates: number;
  rejected: number;
}

function tally(totals: PostTotals, result: BatchResult, what: string): void {
  totals.accepted += result.accepted;
  totals.duplicates += result.duplicates;
  for (const r of result.rejected) {
    if (totals.rejected++ < SHOWN_REJECTIONS) {
      const why = (r.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
      process.stderr.write(`generate: rejected ${what} ${r.id ?? `#${r.index}`}: ${why}\n`);
    }
  }
}

async function run(args: GenerateArgs): Promise<void> {
  const started = performance.now();
  const demo = generateDemo({
    seed: args.seed,
    endDate: args.endDate,
    days: args.days,
    eventsPerDay: args.events / args.days,
    idPrefix: args.idPrefix,
  });
  const eventsFile = args.out ? new LineWriter(args.out) : null;
  const outcomesFile = args.out ? new LineWriter(outcomesPath(args.out)) : null;
  const sent: PostTotals = { accepted: 0, duplicates: 0, rejected: 0 };
  const outcomes: WireOutcomeJson[] = [];
  let batch: WireEventJson[] = [];
  const postEvents = async () => {
    if (args.post && batch.length > 0)
      tally(sent, await postBatch(args.post, args.key!, JSON.stringify({ events: batch })), 'event');
    batch = [];
  };

  const bar = new ProgressBar(args.events, 'events');
  const stream = demo.stream();
  let events = 0;
  let summary: DemoSummary | null = null;
  for (let next = stream.next(); ; next = stream.next()) {
    if (next.done) {
      summary = next.value;
      break;
    }
    const item = next.value;
    if (item.kind === 'outcome') {
      const wire = toWireOutcome(item.outcome);
      await outcomesFile?.write(JSON.stringify(wire));
      if (args.post) outcomes.push(wire);
      continue;
    }
    if (events === args.events) break;
    events++;
    const wire = toWireEvent(item.event);
    await eventsFile?.write(JSON.stringify(wire));
    if (args.post) {
      batch.push(wire);
      if (batch.length === args.batch) await postEvents();
    }
    bar.update(events);
  }
  await postEvents();
  bar.done();

  const outcomeTotals: PostTotals = { accepted: 0, duplicates: 0, rejected: 0 };
  if (args.post) {
    const url = outcomesUrl(args.post);
    for (let i = 0; i < outcomes.length; i += args.batch) {
      const body = JSON.stringify({ outcomes: outcomes.slice(i, i + args.batch) });
      tally(outcomeTotals, await postBatch(url, args.key!, body), 'outcome');
    }
  }
  await eventsFile?.close();
  await outcomesFile?.close();

  const seconds = (performance.now() - started) / 1000;
  const workflows = summary ? fmt(summary.workflows) : 'n/a';
  const outcomeCount = summary ? summary.outcomes : outcomes.length;
  const lines = [
    `generated ${fmt(events)} events, ${workflows} workflows, ${fmt(outcomeCount)} late outcomes ` +
      `in ${seconds.toFixed(1)} s (${fmt(Math.round(events / Math.max(seconds, 1e-3)))} events/s)`,
  ];
  if (eventsFile) lines.push(`wrote ${eventsFile.path} and ${outcomesFile!.path}`);
  if (args.post) {
    lines.push(
      `posted events: ${fmt(sent.accepted)} accepted, ${fmt(sent.duplicates)} duplicates, ${fmt(sent.rejected)} rejected; ` +
        `outcomes: ${fmt(outcomeTotals.accepted)} accepted, ${fmt(outcomeTotals.duplicates)} duplicates, ${fmt(outcomeTotals.rejected)} rejected`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (sent.rejected + outcomeTotals.rejected > 0) process.exitCode = 1;
}

async function main(): Promise<void> {
  let args: GenerateArgs;
  try {
    args = parseGenerateArgs(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`generate: ${err.message}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  try {
    await run(args);
  } catch (err) {
    const known = err instanceof IngestError || (err as NodeJS.ErrnoException).code !== undefined;
    process.stderr.write(
      `${process.stderr.isTTY ? '\n' : ''}generate: ${known ? (err as Error).message : String((err as Error).stack ?? err)}\n`,
    );
    process.exit(1);
  }
}

await main();
