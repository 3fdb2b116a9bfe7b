import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../db/config';

interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** shown on the sign-in button */
  name: string;
}

/** Everything about sign-in that comes from the environment (docs/access.md lists it). */
export interface AuthConfig {
  /** signs session cookies; kept outside the database so a dump of it cannot mint a session */
  secret: string;
  /** the address people use, e.g. https://cut.example.com: cookies are Secure when it is https */
  publicUrl: string | undefined;
  /** proxies (IPs or CIDR ranges) whose X-Forwarded-For is believed; none: the socket's address */
  trustedProxies: string[];
  oidc: OidcConfig | null;
}

type Env = Record<string, string | undefined>;

export function authConfigFromEnv(env: Env = process.env): AuthConfig {
  const publicUrl = env.CUT_PUBLIC_URL?.trim() || undefined;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new ConfigError(`CUT_PUBLIC_URL must be an http(s) URL such as https://cut.example.com, got ${publicUrl}`);
  }
  return {
    secret: authSecret(env),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    trustedProxies: (env.CUT_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    oidc: oidcFromEnv(env),
  };
}

function oidcFromEnv(env: Env): OidcConfig | null {
  const issuer = env.CUT_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.CUT_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.CUT_OIDC_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) {
    throw new ConfigError('CUT_OIDC_ISSUER is set: also set CUT_OIDC_CLIENT_ID and CUT_OIDC_CLIENT_SECRET');
  }
  return { issuer: issuer.replace(/\/+$/, ''), clientId, clientSecret, name: env.CUT_OIDC_NAME?.trim() || 'SSO' };
}

/**
 * CUT_AUTH_SECRET, or one generated on first start into the data folder (readable by its owner
 * only), so a trial needs no setup. Several servers on one PostgreSQL must share CUT_AUTH_SECRET.
 */
function authSecret(env: Env): string {
  const given = env.CUT_AUTH_SECRET?.trim();
  if (given) {
    if (given.length < 32)
      throw new ConfigError('CUT_AUTH_SECRET must be at least 32 characters (openssl rand -hex 32)');
    return given;
  }
  const dir = path.resolve(/*turbopackIgnore: true*/ env.CUT_DATA_DIR?.trim() || './.data');
  const file = path.join(dir, 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ConfigError(`cannot write ${file}: set CUT_AUTH_SECRET (openssl rand -hex 32) or make it writable`);
      }
    }
    return readFileSync(file, 'utf8').trim();
  }
}
