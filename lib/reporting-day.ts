/**
 * The reporting day (YYYY-MM-DD) of an instant in the configured time zone. Offsets only change
 * on quarter-hour boundaries, so the answer is cached per 15-minute slot: ingest calls this for
 * every event and Intl formatting is slow.
 */
const SLOT_MS = 15 * 60 * 1000;

export function reportingDayFormatter(timeZone: string): (at: Date) => string {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const cache = new Map<number, string>();
  return (at: Date) => {
    const slot = Math.floor(at.getTime() / SLOT_MS);
    let day = cache.get(slot);
    if (day === undefined) {
      day = fmt.format(new Date(slot * SLOT_MS));
      if (cache.size > 100_000) cache.clear();
      cache.set(slot, day);
    }
    return day;
  };
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}
