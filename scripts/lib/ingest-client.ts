/**
 * Posts JSON batches to the ingest API (api.md): waits and retries on 429/503 as Retry-After
 * asks, retries a dropped connection a few times, and turns any other failure into one line.
 */
const MAX_BUSY_RETRIES = 20;
const MAX_NETWORK_RETRIES = 3;
const DEFAULT_WAIT_S = 1;
const MAX_WAIT_S = 60;

export class IngestError extends Error {}

export interface BatchResult {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; id?: string; errors?: Array<{ path: string; message: string }> }>;
}

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (!header) return DEFAULT_WAIT_S;
  const trimmed = header.trim();
  const seconds = /^\d+$/.test(trimmed) ? Number(trimmed) : (Date.parse(trimmed) - now) / 1000;
  if (!Number.isFinite(seconds)) return DEFAULT_WAIT_S;
  return Math.min(MAX_WAIT_S, Math.max(0, seconds));
}

const sleep = (s: number) => new Promise((resolve) => setTimeout(resolve, s * 1000));

export async function postBatch(url: string, key: string, body: string): Promise<BatchResult> {
  let busy = 0;
  let network = 0;
  for (;;) {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body,
      });
    } catch (err) {
      if (++network > MAX_NETWORK_RETRIES) throw new IngestError(`POST ${url} failed: ${describe(err)}`);
      await sleep(network);
      continue;
    }
    if (res.status === 200 || res.status === 207) return (await res.json()) as BatchResult;
    if ((res.status === 429 || res.status === 503) && ++busy <= MAX_BUSY_RETRIES) {
      await res.body?.cancel();
      await sleep(retryAfterSeconds(res.headers.get('retry-after')));
      continue;
    }
    throw new IngestError(`POST ${url} -> ${res.status}: ${await errorText(res)}`);
  }
}

/** The API's `{error: {code, message}}`, or the start of whatever else came back. */
async function errorText(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error) return [body.error.code, body.error.message].filter(Boolean).join(': ');
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.replace(/\s+/g, ' ').slice(0, 200) || res.statusText;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? err.message;
  }
  return String(err);
}
