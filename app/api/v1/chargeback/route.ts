import { stringify } from 'csv-stringify/sync';
import { focusCsvOf, focusManifestOf } from '@/chargeback/focus-export';
import { loadMonthView } from '@/chargeback/month-view';
import { chargebackCsvRecords, toChargebackJson } from '@/lib/api/chargeback-wire';
import { chargebackQuery } from '@/lib/api/chargeback-query';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const download = (body: string, type: string, name: string) =>
  new Response(body, {
    headers: { 'content-type': `${type}; charset=utf-8`, 'content-disposition': `attachment; filename="${name}"` },
  });

/** A month's chargeback per team: JSON, plain CSV, FOCUS CSV or the FOCUS export's manifest (api.md). */
export const GET = apiRoute(async (request) => {
  const query = parseQuery(chargebackQuery, new URL(request.url).searchParams);
  const db = await database();
  const view = await loadMonthView(db, query.month);
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
