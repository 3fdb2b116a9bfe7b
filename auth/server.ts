import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { admin, genericOAuth } from 'better-auth/plugins';
import { adminAc, userAc } from 'better-auth/plugins/admin/access';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { authAccounts, authSessions, authUsers, authVerifications } from '../db/schema';
import { recordChange } from '../db/writes/audit';
import { LoginThrottle } from '../lib/access/login-throttle';
import type { AuthConfig } from './config';

/** Sessions last a week and slide forward once a day of use; sign-out or a role change ends them. */
const SESSION_SECONDS = 7 * 24 * 3600;
const OIDC_PROVIDER_ID = 'oidc';

const throttle = new LoginThrottle();

const emailOf = (body: unknown): string | null => {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : null;
};

/**
 * Better Auth over CUT's database: email and password (scrypt, hashed by the library), optional
 * OIDC, sessions in auth_sessions behind signed HttpOnly SameSite=Lax cookies (Secure on https),
 * per-address rate limits plus a per-account throttle on sign-in, and an audit entry per login.
 */
export function createAuth(db: Database, config: AuthConfig) {
  const secure = config.publicUrl?.startsWith('https://') ?? false;
  return betterAuth({
    appName: 'CUT',
    secret: config.secret,
    baseURL: config.publicUrl,
    // Same-origin: the address the browser used (its Host), whatever name the server was started with.
    trustedOrigins: (request) => {
      const host = request?.headers.get('host');
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    database: drizzleAdapter(db.orm, {
      provider: 'pg',
      schema: { user: authUsers, session: authSessions, account: authAccounts, verification: authVerifications },
    }),
    telemetry: { enabled: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    session: { expiresIn: SESSION_SECONDS, updateAge: 24 * 3600 },
    account: config.oidc ? { accountLinking: { enabled: true, trustedProviders: [OIDC_PROVIDER_ID] } } : undefined,
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 60,
      max: 300,
    },
    advanced: {
      cookiePrefix: 'cut',
      // Explicit, so the origin check also runs where Better Auth would skip it (NODE_ENV=test).
      disableOriginCheck: false,
      disableCSRFCheck: false,
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: config.trustedProxies.length ? { trustedProxies: config.trustedProxies } : undefined,
    },
    logger: { level: 'error' },
    plugins: [
      admin({
        defaultRole: 'team_viewer',
        adminRoles: ['admin'],
        roles: { admin: adminAc, finance: userAc, ops: userAc, team_viewer: userAc },
      }),
      ...(config.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  name: config.oidc.name,
                  discoveryUrl: `${config.oidc.issuer}/.well-known/openid-configuration`,
                  clientId: config.oidc.clientId,
                  clientSecret: config.oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                  // Only people an admin has added may come in through the identity provider.
                  disableImplicitSignUp: true,
                },
              ],
            }),
          ]
        : []),
    ],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = emailOf(ctx.body);
        const wait = email ? throttle.wait(email, Date.now()) : 0;
        if (wait > 0) {
          throw new APIError('TOO_MANY_REQUESTS', {
            message: `too many failed sign-ins for this account; try again in ${wait} s`,
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-in/email') {
          const email = emailOf(ctx.body);
          const failed = isAPIError(ctx.context.returned);
          if (email && failed && (ctx.context.returned as APIError).statusCode === 401) {
            throttle.failed(email, Date.now());
            await recordChange(db, {
              actor: 'anonymous',
              action: 'login_failed',
              entity: 'session',
              entityId: null,
              before: null,
              after: { email },
            });
          } else if (email && !failed) throttle.succeeded(email);
        }
        if (ctx.path === '/change-password' && !isAPIError(ctx.context.returned) && ctx.context.session) {
          await db.orm
            .update(authUsers)
            .set({ mustChangePassword: false })
            .where(eq(authUsers.id, ctx.context.session.user.id));
          await recordChange(db, {
            actor: `user:${ctx.context.session.user.email}`,
            action: 'update',
            entity: 'user_password',
            entityId: ctx.context.session.user.id,
            before: null,
            after: null,
          });
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          after: async (session) => {
            const [user] = await db.orm
              .select({ email: authUsers.email })
              .from(authUsers)
              .where(eq(authUsers.id, session.userId));
            await recordChange(db, {
              actor: `user:${user?.email ?? session.userId}`,
              action: 'login',
              entity: 'session',
              entityId: null,
              before: null,
              after: { ip: session.ipAddress ?? null, user_agent: session.userAgent ?? null },
            });
          },
        },
        delete: {
          after: async (session) => {
            const [user] = await db.orm
              .select({ email: authUsers.email })
              .from(authUsers)
              .where(eq(authUsers.id, session.userId));
            await recordChange(db, {
              actor: `user:${user?.email ?? session.userId}`,
              action: 'logout',
              entity: 'session',
              entityId: null,
              before: null,
              after: null,
            });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
