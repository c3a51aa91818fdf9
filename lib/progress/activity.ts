// Activity per day and streaks in the learner's own time zone. Pure: dates are instants (ISO strings or
// Dates), a day is the calendar date they fall on in an IANA zone (Intl, so DST is the platform's), and
// day arithmetic is done on calendar dates, never by adding 24 h to an instant.

/** A calendar date, `YYYY-MM-DD`. */
export type Day = string;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date `at` falls on in `timeZone`. */
export function localDay(at: Date | string, timeZone: string): Day {
  const parts = formatter(timeZone).formatToParts(typeof at === 'string' ? new Date(at) : at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `day` moved by `n` calendar days. */
export function addDays(day: Day, n: number): Day {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** How many events fell on each local day. Unparseable times are skipped. */
export function activityByDay(times: Iterable<Date | string>, timeZone: string): Map<Day, number> {
  const counts = new Map<Day, number>();
  for (const t of times) {
    const at = typeof t === 'string' ? new Date(t) : t;
    if (Number.isNaN(at.getTime())) continue;
    const day = localDay(at, timeZone);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}

/**
 * current: consecutive active days ending today, or ending yesterday when today has nothing yet (the
 * streak is still alive until the day is over). longest: the longest run of consecutive active days.
 */
export function streaks(activeDays: Iterable<Day>, today: Day): { current: number; longest: number } {
  const days = new Set(activeDays);
  let current = 0;
  let cursor = days.has(today) ? today : addDays(today, -1);
  while (days.has(cursor)) {
    current++;
    cursor = addDays(cursor, -1);
  }
  let longest = 0;
  for (const day of days) {
    if (days.has(addDays(day, -1))) continue; // not the start of a run
    let run = 0;
    for (let d = day; days.has(d); d = addDays(d, 1)) run++;
    longest = Math.max(longest, run);
  }
  return { current, longest };
}

export interface ActivitySummary {
  today: Day;
  counts: Map<Day, number>;
  current: number;
  longest: number;
}

/** Per-day counts and streaks of every event time, in `timeZone`, as of `now`. */
export function summarizeActivity(times: Iterable<Date | string>, timeZone: string, now: Date): ActivitySummary {
  const counts = activityByDay(times, timeZone);
  const today = localDay(now, timeZone);
  return { today, counts, ...streaks(counts.keys(), today) };
}

/**
 * The calendar grid: `weeks` columns of seven days (Sunday first), the last column holding `today`;
 * days after today are null.
 */
export function calendarWeeks(today: Day, weeks: number): (Day | null)[][] {
  const lastSunday = addDays(today, -weekday(today));
  const first = addDays(lastSunday, -7 * (weeks - 1));
  const grid: (Day | null)[][] = [];
  for (let w = 0; w < weeks; w++) {
    const column: (Day | null)[] = [];
    for (let d = 0; d < 7; d++) {
      const day = addDays(first, w * 7 + d);
      column.push(day > today ? null : day);
    }
    grid.push(column);
  }
  return grid;
}

/** The browser's IANA time zone (UTC when it cannot tell). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
