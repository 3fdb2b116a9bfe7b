import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'db', 'ingest', 'public'];
const FILES = ['next.config.ts', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];

/** A fingerprint of everything the Next build depends on (paths, sizes, mtimes). */
function sourceStamp(root: string): string {
  const hash = createHash('sha256');
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    const st = statSync(abs);
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort()) visit(path.join(rel, name));
    } else {
      hash.update(`${rel}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  [...SOURCES, ...FILES].forEach(visit);
  return hash.digest('hex');
}

/** Whether .next holds a production build of the current sources. */
export function buildIsCurrent(root: string): boolean {
  const stampFile = path.join(root, '.next', 'cut-build-stamp');
  return (
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === sourceStamp(root)
  );
}

let running: ReturnType<typeof spawn> | null = null;

/** Stops a build still running, so a failed start leaves no orphan process writing .next. */
export function abortBuild(): void {
  running?.kill('SIGTERM');
}

/** Runs `next build` (output to a log unless it fails) and stamps the result. */
export async function buildApp(root: string): Promise<void> {
  const stamp = sourceStamp(root);
  const bin = path.join(root, 'node_modules', '.bin', 'next');
  const output: Buffer[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(bin, ['build'], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    running = child;
    child.stdout.on('data', (d: Buffer) => output.push(d));
    child.stderr.on('data', (d: Buffer) => output.push(d));
    child.once('error', reject);
    child.once('exit', (c) => {
      running = null;
      resolve(c ?? 1);
    });
  });
  if (code !== 0) {
    process.stderr.write(Buffer.concat(output));
    throw new Error(`next build failed (exit ${code}); its output is above`);
  }
  writeFileSync(path.join(root, '.next', 'cut-build-stamp'), stamp);
}
