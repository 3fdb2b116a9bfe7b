import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError, postBatch, retryAfterSeconds } from '@/scripts/lib/ingest-client';

interface Seen {
  url: string;
  auth: string | undefined;
  body: { events?: unknown[]; outcomes?: unknown[] };
}

/** A stand-in ingest API: answers from a script of statuses, then 200 with the batch's size. */
function fakeApi() {
  const seen: Seen[] = [];
  const script: Array<{ status: number; headers?: Record<string, string>; body?: string }> = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw) as Seen['body'];
      seen.push({ url: req.url ?? '', auth: req.headers.authorization, body });
      const next = script.shift();
      if (next) {
        res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
        res.end(next.body ?? '{"error":{"code":"busy","message":"try later"}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ accepted: (body.events ?? body.outcomes ?? []).length, duplicates: 0, rejected: [] }));
    });
  });
  return { server, seen, script };
}

const api = fakeApi();
let base = '';
let dir = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'cut-generate-'));
});
afterAll(async () => {
  await new Promise((resolve) => api.server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/generate.ts', ...args],
      { cwd: process.cwd() },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('ingest client', () => {
  it('waits out a 429 as Retry-After says, then returns the counts', async () => {
    api.seen.length = 0;
    api.script.push({ status: 429, headers: { 'retry-after': '0' } });
    const result = await postBatch(`${base}/api/v1/events`, 'k', JSON.stringify({ events: [{}, {}] }));
    expect(result).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(api.seen).toHaveLength(2);
    expect(api.seen[0]!.auth).toBe('Bearer k');
  });

  it('turns a 4xx into one line with the API error code and message', async () => {
    api.script.push({ status: 400, body: '{"error":{"code":"invalid_body","message":"no events array"}}' });
    await expect(postBatch(`${base}/api/v1/events`, 'k', '{}')).rejects.toThrow(
      new IngestError(`POST ${base}/api/v1/events -> 400: invalid_body: no events array`),
    );
  });

  it.each([
    ['3', 3],
    [null, 1],
    ['soon', 1],
    ['86400', 60],
    [new Date(Date.parse('2025-01-01T00:00:00Z') + 5000).toUTCString(), 5],
  ])('Retry-After %s means %d s', (header, seconds) => {
    expect(retryAfterSeconds(header, Date.parse('2025-01-01T00:00:00Z'))).toBe(seconds);
  });
});

describe('npm run generate', () => {
  it('writes exactly N events and their outcomes, and posts both, surviving a 503', { timeout: 60_000 }, async () => {
    api.seen.length = 0;
    api.script.push({ status: 503, headers: { 'retry-after': '0' } });
    const out = path.join(dir, 'demo.ndjson');
    const run = await runCli([
      '--events',
      '2500',
      '--days',
      '10',
      '--end',
      '2025-06-30',
      '--out',
      out,
      '--post',
      `${base}/api/v1/events`,
      '--key',
      'k',
      '--batch',
      '1000',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const outcomeLines = readFileSync(path.join(dir, 'demo.outcomes.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .filter(Boolean);
    expect(lines).toHaveLength(2500);
    expect(outcomeLines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(2500);

    const posted = api.seen.filter((s) => s.url === '/api/v1/events');
    expect(posted).toHaveLength(4); // three batches, the first one twice
    expect(posted.slice(1).reduce((n, s) => n + s.body.events!.length, 0)).toBe(2500);
    const outcomes = api.seen.filter((s) => s.url === '/api/v1/outcomes').flatMap((s) => s.body.outcomes!);
    expect(outcomes).toEqual(outcomeLines.map((l) => JSON.parse(l)));
    expect(run.stdout).toMatch(/generated 2,500 events, [\d,]+ workflows/);
    expect(run.stdout).toMatch(/posted events: 2,500 accepted/);
  });

  it('stops with one line and a non-zero exit on a 4xx', { timeout: 60_000 }, async () => {
    api.script.push({ status: 401, body: '{"error":{"code":"unauthorized","message":"unknown key"}}' });
    const run = await runCli(['--events', '10', '--days', '2', '--post', `${base}/api/v1/events`, '--key', 'bad']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `generate: POST ${base}/api/v1/events -> 401: unauthorized: unknown key`,
    ]);
  });

  it('explains a bad argument', { timeout: 60_000 }, async () => {
    const run = await runCli(['--events', '-5', '--out', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^generate: /);
  });
});
