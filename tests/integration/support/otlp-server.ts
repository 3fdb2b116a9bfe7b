import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST } from '@/app/v1/traces/route';

/** One request as it crossed the wire, and what CUT answered. */
export interface Exchange {
  /** the request exactly as the exporter sent it, to send again */
  request: { headers: Headers; body: Buffer };
  contentType: string;
  contentEncoding: string;
  status: number;
  responseType: string;
  responseBody: Buffer;
}

/**
 * `POST /v1/traces` behind a real HTTP listener on loopback, so an OpenTelemetry SDK exporter
 * can send to it unchanged; every exchange is kept for the test to look at.
 */
export async function serveTraces(): Promise<{ url: string; exchanges: Exchange[]; close(): Promise<void> }> {
  const exchanges: Exchange[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const body = Buffer.concat(chunks);
      const response = await POST(new Request(`http://127.0.0.1${req.url}`, { method: 'POST', headers, body }));
      const responseBody = Buffer.from(await response.arrayBuffer());
      exchanges.push({
        request: { headers, body },
        contentType: headers.get('content-type') ?? '',
        contentEncoding: headers.get('content-encoding') ?? '',
        status: response.status,
        responseType: response.headers.get('content-type') ?? '',
        responseBody,
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(responseBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    exchanges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
