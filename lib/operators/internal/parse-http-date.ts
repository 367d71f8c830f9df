const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

/** `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 §5.6.7 IMF-fixdate, the preferred form). */
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
/** `Sunday, 06-Nov-94 08:49:37 GMT` (obsolete RFC 850 form). */
const RFC850_DATE = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
/** `Sun Nov  6 08:49:37 1994` (obsolete ANSI C asctime() form, in UTC). */
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

function toEpochMs(
  year: number,
  month: string,
  day: string,
  hours: string,
  minutes: string,
  seconds: string,
): number | undefined {
  const monthIndex = MONTHS.indexOf(month);
  const epochMs = Date.UTC(
    year,
    monthIndex,
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds),
  );
  const date = new Date(epochMs);
  // Reject what Date.UTC would roll over (31 Feb, 24:00:00, 60 seconds).
  return date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hours) &&
    date.getUTCMinutes() === Number(minutes) &&
    date.getUTCSeconds() === Number(seconds)
    ? epochMs
    : undefined;
}

/**
 * The time an HTTP-date names, in milliseconds since the epoch, or `undefined` when `value`
 * is not an HTTP-date.
 *
 * Accepts the three forms RFC 9110 §5.6.7 asks recipients to accept: IMF-fixdate, RFC 850
 * and asctime, all in UTC. A two-digit RFC 850 year is read in the century that puts it
 * within 50 years of `nowMs`: one that would lie more than 50 years ahead is the most recent
 * past year with those digits (as §5.6.7 says).
 *
 * @param value - a header value, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
 * @param nowMs - the current time, for the RFC 850 century.
 * @returns epoch milliseconds, or `undefined`.
 * @internal
 */
export function parseHttpDate(value: string, nowMs: number): number | undefined {
  const text = value.trim();
  const imf = IMF_FIXDATE.exec(text);
  if (imf) {
    const [, day = '', month = '', year = '', h = '', m = '', s = ''] = imf;
    return toEpochMs(Number(year), month, day, h, m, s);
  }
  const rfc850 = RFC850_DATE.exec(text);
  if (rfc850) {
    const [, day = '', month = '', yy = '', h = '', m = '', s = ''] = rfc850;
    const nowYear = new Date(nowMs).getUTCFullYear();
    let year = Math.floor(nowYear / 100) * 100 + Number(yy);
    if (year > nowYear + 50) year -= 100;
    else if (year <= nowYear - 50) year += 100;
    return toEpochMs(year, month, day, h, m, s);
  }
  const asctime = ASCTIME_DATE.exec(text);
  if (asctime) {
    const [, month = '', day = '', h = '', m = '', s = '', year = ''] = asctime;
    return toEpochMs(Number(year), month, day.trim(), h, m, s);
  }
  return undefined;
}
