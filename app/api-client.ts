/** An API answer that was not 2xx; `message` is the server's own `{error: {message}}` when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** GETs one of our JSON endpoints from the browser. */
export async function getJson<T>(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${path}?${new URLSearchParams(params)}`, {
    signal,
    headers: { accept: 'application/json' },
  });
  return readAnswer<T>(response);
}

/** POSTs a JSON body to one of our endpoints (a question, like the what-if, not a change). */
export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    signal,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return readAnswer<T>(response);
}

async function readAnswer<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  throw new ApiRequestError(
    response.status,
    body?.error?.code ?? 'http_error',
    body?.error?.message ?? `the server answered ${response.status} ${response.statusText}`.trim(),
  );
}
