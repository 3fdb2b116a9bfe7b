/**
 * K clients over keep-alive connections, each taking the next pre-serialized body from a shared
 * queue until it is empty. Every response must be 200 with every event accepted: a run that
 * loses or rejects events does not count, however fast it was.
 */
export interface LoadOptions {
  url: string;
  key: string;
  bodies: readonly Uint8Array<ArrayBuffer>[];
  counts: readonly number[];
  clients: number;
}

export interface LoadResult {
  wallMs: number;
  /** per request, send to fully-read response */
  latenciesMs: number[];
  accepted: number;
  requests: number;
  /** what went wrong, one line per bad response (the first few are kept) */
  problems: string[];
  badResponses: number;
}

import { onCleanup } from './cleanup';

const KEEP_PROBLEMS = 5;

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const latenciesMs: number[] = new Array(opts.bodies.length);
  const problems: string[] = [];
  let badResponses = 0;
  let accepted = 0;
  let next = 0;
  const problem = (i: number, line: string) => {
    badResponses++;
    if (problems.length < KEEP_PROBLEMS) problems.push(`request ${i + 1}: ${line}`);
  };

  // On Ctrl-C the clients must stop sending, or the server's graceful close waits for them.
  const abort = new AbortController();
  const stopClients = onCleanup('stop HTTP clients', async () => abort.abort());

  const client = async () => {
    for (let i = next++; i < opts.bodies.length && !abort.signal.aborted; i = next++) {
      const sent = performance.now();
      let status: number;
      let text: string;
      try {
        const res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.key}` },
          body: opts.bodies[i]!,
          signal: abort.signal,
        });
        status = res.status;
        text = await res.text();
      } catch (err) {
        latenciesMs[i] = performance.now() - sent;
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        problem(i, `no response (${cause ?? (err as Error).message})`);
        continue;
      }
      latenciesMs[i] = performance.now() - sent;
      const expected = opts.counts[i]!;
      const body = parse(text);
      if (status !== 200 || !body) {
        problem(i, `HTTP ${status}: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
      } else if (body.accepted !== expected || body.duplicates !== 0 || body.rejected?.length) {
        problem(
          i,
          `accepted ${body.accepted} of ${expected} (duplicates ${body.duplicates}, rejected ${body.rejected?.length ?? '?'})`,
        );
        accepted += body.accepted ?? 0;
      } else {
        accepted += expected;
      }
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: opts.clients }, client));
  const wallMs = performance.now() - started;
  if (abort.signal.aborted) throw new Error('interrupted');
  await stopClients();
  return { wallMs, latenciesMs, accepted, requests: opts.bodies.length, problems, badResponses };
}

function parse(text: string): { accepted?: number; duplicates?: number; rejected?: unknown[] } | null {
  try {
    return JSON.parse(text) as { accepted?: number; duplicates?: number; rejected?: unknown[] };
  } catch {
    return null;
  }
}
