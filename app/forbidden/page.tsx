import type { Metadata } from 'next';
import { NoAccess } from '@/components/shell/no-access';

export const metadata: Metadata = { title: 'No access' };

/** Where proxy.ts sends (as a 403 rewrite) a page the signed-in role may not open. */
export default function ForbiddenPage() {
  return <NoAccess />;
}
