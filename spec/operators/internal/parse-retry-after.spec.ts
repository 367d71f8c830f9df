import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../../../lib/operators/internal/parse-http-date.js';
import { parseRetryAfter } from '../../../lib/operators/internal/parse-retry-after.js';

const NOW = Date.UTC(1994, 10, 6, 8, 49, 30); // Sun, 06 Nov 1994 08:49:30 GMT

describe('parseHttpDate', () => {
  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['asctime', 'Sun Nov  6 08:49:37 1994'],
  ])('reads the %s form of RFC 9110 §5.6.7 as UTC', (_, value) => {
    expect(parseHttpDate(value, NOW)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
  });

  it('reads a two-digit year in the century that puts it within 50 years of now', () => {
    const now = Date.UTC(2030, 0, 1);
    expect(parseHttpDate('Wednesday, 01-Jan-81 00:00:00 GMT', now)).toBe(Date.UTC(1981, 0, 1));
    expect(parseHttpDate('Monday, 01-Jan-80 00:00:00 GMT', now)).toBe(Date.UTC(2080, 0, 1));
    expect(parseHttpDate('Tuesday, 01-Jan-30 00:00:00 GMT', now)).toBe(Date.UTC(2030, 0, 1));
    expect(parseHttpDate('Tuesday, 01-Jan-05 00:00:00 GMT', Date.UTC(2095, 0, 1))).toBe(
      Date.UTC(2105, 0, 1),
    );
  });

  it.each([
    'soon',
    '5',
    'Sun, 06 Nov 1994 08:49:37 UTC',
    'Sun, 6 Nov 1994 08:49:37 GMT',
    'Sun, 31 Feb 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 24:00:00 GMT',
    '2024-01-01T00:00:00Z',
  ])('rejects %j', (value) => {
    expect(parseHttpDate(value, NOW)).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfter({ 'retry-after': '120' }, NOW)).toBe(120_000);
    expect(parseRetryAfter({ 'retry-after': ' 0 ' }, NOW)).toBe(0);
    expect(parseRetryAfter({ 'retry-after': '1.5' }, NOW)).toBe(1_500);
  });

  it('reads an HTTP-date as the time left until it, and a past date as 0', () => {
    expect(parseRetryAfter({ 'retry-after': 'Sun, 06 Nov 1994 08:49:37 GMT' }, NOW)).toBe(7_000);
    expect(parseRetryAfter({ 'retry-after': 'Sun, 06 Nov 1994 08:49:00 GMT' }, NOW)).toBe(0);
  });

  it('prefers retry-after-ms, and falls back to retry-after when it does not parse', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '250.5', 'retry-after': '9' }, NOW)).toBe(250.5);
    expect(parseRetryAfter({ 'retry-after-ms': 'soon', 'retry-after': '9' }, NOW)).toBe(9_000);
  });

  it('is undefined without a header, or for one that does not parse', () => {
    expect(parseRetryAfter({}, NOW)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '-1' }, NOW)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': 'tomorrow' }, NOW)).toBeUndefined();
  });
});
