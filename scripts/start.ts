/**
 * `npm start`: migrate, make sure an admin key and an admin user exist, load demo data into an empty database,
 * build the dashboard when the build is missing or stale, then serve it. One process owns the
 * database (PGlite allows no other), and Ctrl-C closes it cleanly.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { ensureAdminUser } from '../auth/bootstrap';
import { startBackgroundWork } from '../costing/worker';
import { describeError, openDatabase, type Database } from '../db/client';
import { ConfigError, databaseConfigFromEnv, describeDatabase, type DatabaseConfig } from '../db/config';
import { setDatabase } from '../db/instance';
import { migrate } from '../db/migrate';
import { ensureDefaultPrices } from '../db/writes/default-prices';
import { ensureAdminKey } from '../db/writes/keys';
import { loadDemoIfEmpty } from '../ingest/demo-load';
import { ingestWorkerCount, IngestWorkerPool } from '../ingest/parallel/pool';
import { setEventPreparer } from '../ingest/parallel/registry';
import { abortBuild, buildApp, buildIsCurrent } from './lib/build';
import { failStartup } from './lib/fail';
import { assertPortFree, parsePort } from './lib/port';

const root = process.cwd();
const host = process.env.HOST?.trim() || '0.0.0.0';
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const started = Date.now();
  let config: DatabaseConfig | undefined;
  let db: Database | undefined;
  try {
    const port = parsePort(process.env.PORT);
    const ingestWorkers = ingestWorkerCount(process.env.CUT_INGEST_WORKERS);
    config = databaseConfigFromEnv();
    await assertPortFree(port, host);
    db = await openDatabase(config);
    log(`cut: database: ${describeDatabase(config)}`);
    // The build runs beside the migrations and the demo load; a failure surfaces when awaited.
    const build = needsBuild()
      ? (log('cut: building the dashboard (first start or changed sources)...'), buildApp(root))
      : null;
    build?.catch(() => {});
    await migrate(db);
    const { generated } = await ensureAdminKey(db, process.env.CUT_ADMIN_KEY?.trim() || undefined);
    const firstAdmin = await ensureAdminUser(db, {
      email: process.env.CUT_ADMIN_EMAIL,
      password: process.env.CUT_ADMIN_PASSWORD,
    });
    if ((process.env.CUT_DEMO ?? '1') !== '0') {
      const demo = await loadDemoIfEmpty(db, { now: new Date(), log });
      if (demo) {
        log(
          `cut: demo data: ${demo.events.toLocaleString('en-US')} events, ${demo.workflows.toLocaleString('en-US')} workflows ` +
            `in ${(demo.ms / 1000).toFixed(1)} s (${Math.round(demo.events / (demo.ms / 1000)).toLocaleString('en-US')} events/s)`,
        );
      }
    }
    // A fresh install without the demo still prices common managed models from the first event.
    const defaults = await ensureDefaultPrices(db);
    if (defaults) log(`cut: price book: ${defaults} default model prices loaded (edit them in Settings)`);
    if (build) await build;

    setDatabase(db);
    const pool = ingestWorkers > 0 ? new IngestWorkerPool(ingestWorkers, onWorkerError) : undefined;
    setEventPreparer(pool);
    const app = next({ dev: false, dir: root, hostname: host, port });
    await app.prepare();
    const handle = app.getRequestHandler();
    // Without a trusted proxy in front, the client's address is the socket's, whatever it claims.
    const trustForwarded = Boolean(process.env.CUT_TRUSTED_PROXIES?.trim());
    const server = http.createServer((req, res) => {
      if (!trustForwarded) req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
      void handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    const shown = host === '0.0.0.0' ? 'localhost' : host;
    log(`cut: dashboard ready at http://${shown}:${port} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (generated) {
      log(`cut: admin key (shown once; store it now, only its hash is kept): ${generated}`);
    }
    if (firstAdmin) {
      log(
        `cut: sign in as ${firstAdmin.email} with the one-time password ${firstAdmin.password} (you will choose a new one)`,
      );
    }
    const stopWork = await startBackgroundWork(db, (err) =>
      process.stderr.write(`cut: background work failed (will retry): ${describeError(err)}\n`),
    );
    onShutdown(async () => {
      await stopWork();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await pool?.close();
      await db?.close();
    });
  } catch (err) {
    abortBuild();
    await db?.close().catch(() => {});
    failStartup(err, config);
  }
}

/** A worker that fails costs speed, not data: its batches are then prepared in the request thread. */
const onWorkerError = (err: unknown) => process.stderr.write(`cut: ingest worker failed: ${describeError(err)}\n`);

/** Images built ahead of time set CUT_SKIP_BUILD=1: their sources never change, so never rebuild. */
function needsBuild(): boolean {
  if (process.env.CUT_SKIP_BUILD === '1') {
    if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
      throw new ConfigError(
        'CUT_SKIP_BUILD=1 but there is no build in .next: run `npx next build` first or unset CUT_SKIP_BUILD',
      );
    }
    return false;
  }
  return !buildIsCurrent(root);
}

/** First signal closes the server and the database; a second one exits at once. */
function onShutdown(close: () => Promise<void>) {
  let closing = false;
  const handler = (signal: string) => {
    if (closing) process.exit(130);
    closing = true;
    log(`cut: ${signal}: shutting down...`);
    close()
      .then(() => process.exit(0))
      .catch((err) => {
        process.stderr.write(`cut: shutdown error: ${String(err)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}

void main();
