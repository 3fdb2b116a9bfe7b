import { NoAccess } from '@/components/shell/no-access';

/** Rendered, with a 403, wherever a page or server action calls forbidden(). */
export default function Forbidden() {
  return <NoAccess />;
}
