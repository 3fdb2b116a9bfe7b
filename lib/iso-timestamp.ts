/**
 * `Date.prototype.toISOString` for years 0 to 9999, from arithmetic: COPY text carries one or
 * more timestamps per ingested event, and the built-in costs about three times this.
 */
const FIRST_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');
const DAY_MS = 86_400_000;

const pad = (width: number) => Array.from({ length: 10 ** width }, (_, n) => String(n).padStart(width, '0'));
// Looked up, not built: a timestamp is then a few concatenations of strings that already exist.
const TWO = pad(2);
const THREE = pad(3);
const four = (n: number) => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : `${n}`);

/** "YYYY-MM-DDT" per day since 1970 (bounded: ingest sees few distinct days at a time). */
const dayPrefixes = new Map<number, string>();
const DAY_PREFIXES = 4096;

export function isoTimestamp(at: Date): string {
  const ms = at.getTime();
  if (!(ms >= FIRST_MS && ms <= LAST_MS)) return at.toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  let prefix = dayPrefixes.get(days);
  if (prefix === undefined) {
    if (dayPrefixes.size >= DAY_PREFIXES) dayPrefixes.clear();
    dayPrefixes.set(days, (prefix = dayPrefix(days)));
  }
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${TWO[hours]}:${TWO[minutes]}:${TWO[seconds]}.${THREE[rest - seconds * 1000]}Z`;
}

function dayPrefix(days: number): string {
  // Days since 1970-01-01 to a civil date (H. Hinnant, "chrono-compatible low-level date algorithms").
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${four(year)}-${TWO[month]}-${TWO[day]}T`;
}
