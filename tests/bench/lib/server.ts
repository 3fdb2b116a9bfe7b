/**
 * The product server as a child process: `node --import tsx scripts/start.ts` spawned directly, so
 * the child's pid is the server's (RSS and CPU are read from it), in its own process group so a
 * Ctrl-C reaches the bench first and the bench decides how the server stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../../../scripts/lib/server-flags';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { buildApp, buildIsCurrent } from '../../../scripts/lib/build';
import { onCleanup } from './cleanup';

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const LOG_LINES = 40;

export interface BenchServer {
  pid: number;
  baseUrl: string;
  adminKey: string;
  /** SIGTERM and wait for the exit (SIGKILL after a while); resolves once the process is gone */
  stop(): Promise<void>;
}

/**
 * `npm start` rebuilds Next when sources changed; that must never happen on a timed server, so
 * the bench builds here (untimed) when needed and starts the server with CUT_SKIP_BUILD=1.
 */
export async function ensureBuild(root: string, log: (line: string) => void): Promise<void> {
  if (buildIsCurrent(root)) return;
  log('building the dashboard (sources changed; not timed)...');
  const started = Date.now();
  await buildApp(root);
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  root: string;
  dbEnv: { DATABASE_URL?: string; CUT_DATA_DIR?: string };
  cpuProfDir: string | null;
}

export async function startServer(opts: StartOptions): Promise<BenchServer> {
  const port = await freePort();
  const adminKey = `bench-admin-${randomBytes(16).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST,
    CUT_DEMO: '0',
    CUT_ADMIN_KEY: adminKey,
    CUT_SKIP_BUILD: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  delete env.CUT_DATA_DIR;
  Object.assign(env, opts.dbEnv);
  const profile = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...profile, ...SERVER_NODE_FLAGS, '--import', 'tsx', 'scripts/start.ts'], {
    cwd: opts.root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logTail: string[] = [];
  const keep = (chunk: Buffer) => {
    logTail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    logTail.splice(0, Math.max(0, logTail.length - LOG_LINES));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Last resort if the bench itself dies without running its cleanup.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = onCleanup(`stop server pid ${child.pid}`, async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  });

  const baseUrl = `http://${HOST}:${port}`;
  try {
    await waitForHealth(baseUrl, child, exited);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output (last lines) ---\n${logTail.join('\n')}`);
  }
  return { pid: child.pid!, baseUrl, adminKey, stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the server exited during startup (exit ${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      await res.body?.cancel();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer /api/health within ${READY_TIMEOUT_MS / 1000} s`);
}

/** An ingest key through the public API, as a real client would get one. */
export async function createIngestKey(server: BenchServer): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/v1/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
    body: JSON.stringify({ name: 'bench' }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/v1/keys -> ${res.status}: ${text.slice(0, 200)}`);
  return (JSON.parse(text) as { key: string }).key;
}
