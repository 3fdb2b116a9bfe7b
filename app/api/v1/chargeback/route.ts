import { stringify } from 'csv-stringify/sync';
import { focusCsvOf, focusManifestOf } from '@/chargeback/focus-export';
import { loadMonthView } from '@/chargeback/month-view';
import { scopeMonthView } from '@/chargeback/scope';
import { chargebackCsvRecords, toChargebackJson } from '@/lib/api/chargeback-wire';
import { chargebackQuery } from '@/lib/api/chargeback-query';
import { requireAccess, scopeTeams } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const download = (body: string, type: string, name: string) =>
  new Response(body, {
    headers: { 'content-type': `${type}; charset=utf-8`, 'content-disposition': `attachment; filename="${name}"` },
  });

/**
 * A month's chargeback per team: JSON, plain CSV, FOCUS CSV or the FOCUS export's manifest
 * (api.md; figures:read): a team_viewer gets its teams' rows only, in every format.
 */
export const GET = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'figures:read');
  const query = parseQuery(chargebackQuery, new URL(request.url).searchParams);
  const db = await database();
  const view = scopeMonthView(await loadMonthView(db, query.month), scopeTeams(caller.teams));
  switch (query.format) {
    case 'csv':
      return download(
        stringify(chargebackCsvRecords(toChargebackJson(view))),
        'text/csv',
        `chargeback-${query.month}.csv`,
      );
    case 'focus':
      return download(focusCsvOf(view), 'text/csv', `chargeback-${query.month}-focus.csv`);
    case 'focus_manifest':
      return Response.json(focusManifestOf(view), {
        headers: { 'content-disposition': `attachment; filename="chargeback-${query.month}-focus-manifest.json"` },
      });
    default:
      return Response.json(toChargebackJson(view));
  }
});
