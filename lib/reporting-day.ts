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

/** Days since 1970-01-01 of a YYYY-MM-DD day: a compact key for locks and loops. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

export function dayFromNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) days.push(dayFromNumber(n));
  return days;
}

/**
 * The instant a reporting day starts in `timeZone`. Found by correcting a UTC guess by the zone's
 * offset at that guess, twice, which settles even across a DST change on that day.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  let guess = midnightUtc;
  for (let i = 0; i < 2; i++) guess = midnightUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
