/**
 * `npm run bench:ingest`: HTTP ingest throughput of the real server, per database engine, against
 * a raw COPY of the same rows into the same table. Prints figures; it is not a test. Options: --help.
 */
import os from 'node:os';
import { getPriceBook } from '../../db/queries/pricebook';
import type { DemoData } from '../../lib/demo/generate';
import { parseBenchArgs, USAGE, UsageError, type BenchArgs, type Engine } from './lib/args';
import { assertNotInterrupted, cleanupAll, cleanupOnSignals, interrupted } from './lib/cleanup';
import { runLoad } from './lib/http-load';
import { cpuSeconds, currentRssMb, machineCpu, sampleRss } from './lib/proc-stats';
import { buildCopyChunks, timedCopy } from './lib/raw-copy';
import { figuresTable, formatInt, mb, seconds, TARGET_RATIO, type EngineFigures } from './lib/report';
import { seedStore } from './lib/seed';
import { createIngestKey, ensureBuild, startServer } from './lib/server';
import { percentile, sortedCopy } from './lib/stats';
import {
  assertPostgresReachable,
  BenchSetupError,
  checkpoint,
  countEvents,
  createStore,
  withDatabase,
} from './lib/store';
import { benchDemo, serializeBodies, type Bodies } from './lib/workload';

/** Rows per COPY statement in the baseline: large enough that per-statement cost vanishes. */
const COPY_CHUNK_ROWS = 100_000;
const root = process.cwd();
const log = (line: string) => process.stdout.write(`bench: ${line}\n`);

class RunFailed extends Error {}

async function main(): Promise<void> {
  cleanupOnSignals();
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.engines.includes('postgres')) await assertPostgresReachable(args.databaseUrl);

  // One id prefix per run: a run never collides with rows left by another.
  const demo = benchDemo(args.events, `bench-${process.pid}-${Date.now().toString(36)}`);
  log(`generating and serializing ${formatInt(args.events)} events into batches of ${formatInt(args.batch)}...`);
  const bodies = serializeBodies(demo, args.batch);
  log(
    `${formatInt(bodies.bodies.length)} request bodies, ${mb(bodies.bytes)}, in ${seconds(bodies.ms)} ` +
      `(client-side JSON serialization, done before the clock starts)`,
  );

  const results: EngineFigures[] = [];
  for (const engine of args.engines) results.push(await runEngine(engine, args, demo, bodies));

  process.stdout.write(`\n== summary (${os.availableParallelism()} CPUs; server, client and database share them)\n`);
  process.stdout.write(`${figuresTable(results)}\n`);
  for (const r of results) {
    const verdict = r.ratio >= TARGET_RATIO ? 'meets' : 'below';
    process.stdout.write(
      `${r.engine}: HTTP ingest is ${r.ratio.toFixed(2)}x a raw COPY (${verdict} the ${TARGET_RATIO} target)\n`,
    );
  }
}

async function runEngine(engine: Engine, args: BenchArgs, demo: DemoData, bodies: Bodies): Promise<EngineFigures> {
  log(`-- ${engine}`);
  const store = await createStore(engine, args.databaseUrl);
  log(`store: ${store.where}`);
  await withDatabase(store, async (db) => {
    await seedStore(db, demo);
    await checkpoint(db);
  });
  await ensureBuild(root, log);
  assertNotInterrupted();

  const server = await startServer({ root, dbEnv: store.serverEnv, cpuProfDir: args.cpuProfDir });
  const key = await createIngestKey(server);
  assertNotInterrupted();
  const idleRssMb = currentRssMb(server.pid);
  log(`server pid ${server.pid} at ${server.baseUrl}, idle RSS ${idleRssMb.toFixed(0)} MB`);

  log(`sending ${formatInt(bodies.bodies.length)} requests from ${args.clients} clients...`);
  const loadBefore = os.loadavg()[0]!;
  const cpuBefore = { server: cpuSeconds(server.pid), client: process.cpuUsage(), machine: machineCpu() };
  const rss = sampleRss(server.pid, 100);
  const load = await runLoad({
    url: `${server.baseUrl}/api/v1/events`,
    key,
    bodies: bodies.bodies,
    counts: bodies.counts,
    clients: args.clients,
  });
  const { peakMb } = rss.stop();
  const serverCpu = cpuSeconds(server.pid) - cpuBefore.server;
  const clientCpu = process.cpuUsage(cpuBefore.client);
  const machine = machineCpu();
  await server.stop();
  assertNotInterrupted();

  const latencies = sortedCopy(load.latenciesMs);
  const eventsPerS = args.events / (load.wallMs / 1000);
  const wallS = load.wallMs / 1000;
  const cores = os.availableParallelism();
  const machineBusy = (machine.busy - cpuBefore.machine.busy) / (machine.total - cpuBefore.machine.total);
  const clientCpuS = (clientCpu.user + clientCpu.system) / 1e6;

  // The server is stopped: a PGlite folder can now be opened here; PostgreSQL is idle for the baseline.
  const baseline = await withDatabase(store, async (db) => {
    const ingested = await countEvents(db);
    const copy = await buildCopyChunks(demo, await getPriceBook(db), COPY_CHUNK_ROWS);
    log(
      `COPY text for ${formatInt(copy.rows)} rows (${mb(copy.bytes)}, ${copy.chunks.length} chunks) built in ` +
        `${seconds(copy.ms)}: generated, priced and encoded before the clock starts`,
    );
    assertNotInterrupted();
    await db.query('truncate events');
    await checkpoint(db);
    const ms = await timedCopy(db, copy);
    return { ingested, ms, copied: await countEvents(db) };
  });
  await store.destroy();

  const copyRowsPerS = args.events / (baseline.ms / 1000);
  const figures: EngineFigures = {
    engine,
    events: args.events,
    clients: args.clients,
    batch: args.batch,
    wallS,
    eventsPerS,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    peakRssMb: peakMb,
    copyRowsPerS,
    ratio: eventsPerS / copyRowsPerS,
  };
  process.stdout.write(`\n${figuresTable([figures])}\n`);
  const notes = [
    `requests: ${formatInt(load.requests)}, bad responses: ${load.badResponses}, events accepted: ${formatInt(load.accepted)}`,
    `count(*) after HTTP ingest: ${formatInt(baseline.ingested)}; after raw COPY: ${formatInt(baseline.copied)} (expected ${formatInt(args.events)} each)`,
    `CPU during HTTP ingest: server ${serverCpu.toFixed(1)} s (${((serverCpu / wallS) * 100).toFixed(0)}% of one core), ` +
      `bench client ${clientCpuS.toFixed(1)} s, whole machine ${(machineBusy * 100).toFixed(0)}% busy of ${cores} cores ` +
      `(1-min load average ${loadBefore.toFixed(2)} before the run: other work on the machine skews the figures)`,
    `peak RSS: the server's VmRSS sampled every 100 ms during the HTTP phase (idle before it: ${idleRssMb.toFixed(0)} MB)`,
    `raw COPY: ${formatInt(args.events)} rows in ${seconds(baseline.ms)}, ${COPY_CHUNK_ROWS.toLocaleString('en-US')}-row chunks via Database.copyFrom`,
    `latency max ${latencies[latencies.length - 1]?.toFixed(1) ?? '-'} ms; wall time starts at the first request and ends at the last response`,
  ];
  for (const line of notes) process.stdout.write(`  ${line}\n`);
  for (const line of load.problems) process.stdout.write(`  problem: ${line}\n`);
  process.stdout.write('\n');

  if (load.badResponses > 0 || load.accepted !== args.events) {
    throw new RunFailed(
      `${engine}: ${load.badResponses} bad responses; ${load.accepted} of ${args.events} events accepted`,
    );
  }
  if (baseline.ingested !== args.events || baseline.copied !== args.events) {
    throw new RunFailed(
      `${engine}: events table held ${baseline.ingested} rows after ingest and ${baseline.copied} after COPY, expected ${args.events}`,
    );
  }
  return figures;
}

main()
  .then(() => cleanupAll())
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    if (interrupted()) return; // the signal handler cleans up and exits
    if (err instanceof UsageError && !err.message) {
      process.stdout.write(`${USAGE}\n`); // --help
    } else if (err instanceof UsageError) {
      process.stderr.write(`bench: ${err.message}\n${USAGE}\n`);
    } else if (err instanceof BenchSetupError || err instanceof RunFailed) {
      process.stderr.write(`bench: ${err.message}\n`);
    } else {
      process.stderr.write(`bench: failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    await cleanupAll();
    process.exit(err instanceof UsageError && !err.message ? 0 : 1);
  });
