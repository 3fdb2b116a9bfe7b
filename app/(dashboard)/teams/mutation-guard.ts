/**
 * The one gate of every change made from the Teams page (server actions). Until sessions and
 * roles exist, anyone who can open the dashboard may make them, recorded as actor "dashboard";
 * the access-control work replaces this body with the session's admin check and its actor.
 */
export async function dashboardActor(): Promise<string> {
  return 'dashboard';
}
