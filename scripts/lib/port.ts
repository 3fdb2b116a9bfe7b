import net from 'node:net';
import { ConfigError } from '../../db/config';

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, got ${JSON.stringify(raw)}`);
  }
  return port;
}

/** Fails early, before the slow work, when another program already listens on the port. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new ConfigError(`port ${port} is already in use: stop the program using it or start with PORT=${port + 1}`)
          : err.code === 'EACCES'
            ? new ConfigError(
                `port ${port} needs privileges this user lacks: choose PORT=3000 or another port above 1024`,
              )
            : err,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
