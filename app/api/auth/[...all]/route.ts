import { apiRoute } from '@/app/api/handler';
import { getAuth } from '@/auth/instance';
import { DatabaseUnavailableError, NotFoundError } from '@/lib/errors';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The Better Auth endpoints CUT uses, and only those: signing in (password or OIDC), out, reading
 * the session and changing one's password. Everything else it offers (sign-up, its admin API)
 * stays closed; people are managed in Settings, where each change is audited.
 */
const OPEN = [
  /^\/sign-in\/email$/,
  /^\/sign-in\/oauth2$/,
  /^\/oauth2\/callback\/[\w-]+$/,
  /^\/sign-out$/,
  /^\/get-session$/,
  /^\/change-password$/,
  /^\/error$/,
  /^\/ok$/,
];

const handle = apiRoute(async (request) => {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, '');
  if (!OPEN.some((pattern) => pattern.test(path))) throw new NotFoundError(`no sign-in endpoint ${path}`);
  const auth = await getAuth().catch((err: unknown) => {
    throw new DatabaseUnavailableError({ cause: err });
  });
  return auth.handler(request);
});

export const GET = handle;
export const POST = handle;
