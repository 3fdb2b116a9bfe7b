import { inArray } from 'drizzle-orm';
import type { Database } from '../client';
import { teams, workloadClasses } from '../schema';

/** Which of these team and workload-class slugs are registered. */
export async function getRegisteredSlugs(db: Database, teamSlugs: string[], classSlugs: string[]) {
  const [t, c] = await Promise.all([
    teamSlugs.length ? db.orm.select({ slug: teams.slug }).from(teams).where(inArray(teams.slug, teamSlugs)) : [],
    classSlugs.length
      ? db.orm
          .select({ slug: workloadClasses.slug })
          .from(workloadClasses)
          .where(inArray(workloadClasses.slug, classSlugs))
      : [],
  ]);
  return { teams: new Set(t.map((r) => r.slug)), classes: new Set(c.map((r) => r.slug)) };
}
