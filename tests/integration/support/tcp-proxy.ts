import net from 'node:net';

/** A TCP relay in front of a database, which a test can cut and restore like a network partition. */
export interface TcpProxy {
  readonly port: number;
  /** Refuses new connections and tears down every open one. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How long a cut lets answers already on their way back reach the client. Forwarding towards the
 * server stops first, so a COMMIT either never reaches it or its answer gets back: without that,
 * a commit whose reply is lost would be stored yet unacknowledged, which no client can tell apart.
 */
const DRAIN_MS = 250;

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: net.Socket; server: net.Socket; forward: boolean }>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: target.host, port: target.port, noDelay: true });
    const pair = { client, server: upstream, forward: true };
    pairs.add(pair);
    client.setNoDelay(true);
    client.on('data', (chunk) => {
      if (pair.forward) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', end);
    }
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;

  const cut = async () => {
    const closed = stopListening();
    for (const p of pairs) p.forward = false;
    await new Promise((r) => setTimeout(r, DRAIN_MS));
    for (const p of pairs) {
      p.client.destroy();
      p.server.destroy();
    }
    pairs.clear();
    await closed;
  };
  return {
    port,
    cut,
    restore: () => listen(port),
    async close() {
      if (server.listening) await cut();
    },
  };
}
