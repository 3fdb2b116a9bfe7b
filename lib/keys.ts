import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type KeyKind = 'admin' | 'ingest' | 'read';

/** A new bearer secret: a readable kind prefix plus 32 random bytes (base64url). */
export function generateKey(kind: KeyKind): { secret: string; prefix: string; hash: string } {
  const secret = `cut_${kind}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, kind.length + 9), hash: hashKey(secret) };
}

/** Keys are high-entropy, so one SHA-256 is enough; a slow password hash would only cost latency. */
export function hashKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function keyMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashKey(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
