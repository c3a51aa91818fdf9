import { describe, expect, it } from 'vitest';
import { activityByDay, addDays, calendarWeeks, localDay, streaks, summarizeActivity } from '@/lib/progress/activity';

describe('activity per local day', () => {
  it('splits 23:59 and 00:01 in Asia/Shanghai into two days (UTC would call them one)', () => {
    const before = '2026-03-01T15:59:00Z'; // 23:59 on 1 March in Shanghai
    const after = '2026-03-01T16:01:00Z'; // 00:01 on 2 March in Shanghai
    expect(localDay(before, 'Asia/Shanghai')).toBe('2026-03-01');
    expect(localDay(after, 'Asia/Shanghai')).toBe('2026-03-02');
    expect([...activityByDay([before, after], 'Asia/Shanghai')]).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 1],
    ]);
    expect([...activityByDay([before, after], 'UTC')]).toEqual([['2026-03-01', 2]]);
  });

  it('counts the America/New_York spring-forward day once, and its neighbours as consecutive', () => {
    const tz = 'America/New_York';
    // 8 March 2026: 01:59 EST, then the clocks jump to 03:00 EDT.
    const times = ['2026-03-07T17:00:00Z', '2026-03-08T06:59:00Z', '2026-03-08T07:01:00Z', '2026-03-09T03:30:00Z', '2026-03-09T16:00:00Z'];
    const counts = activityByDay(times, tz);
    expect([...counts]).toEqual([
      ['2026-03-07', 1],
      ['2026-03-08', 3], // 23:30 EDT on the 8th is 03:30Z on the 9th
      ['2026-03-09', 1],
    ]);
    expect(streaks(counts.keys(), '2026-03-09')).toEqual({ current: 3, longest: 3 });
  });

  it('counts the America/New_York fall-back day (25 hours) once', () => {
    const tz = 'America/New_York';
    // 1 November 2026: 01:30 EDT, then 01:30 EST an hour later, then 23:30 EST.
    const times = ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T04:30:00Z', '2026-10-31T12:00:00Z', '2026-11-02T15:00:00Z'];
    const counts = activityByDay(times, tz);
    expect(counts.get('2026-11-01')).toBe(3);
    expect(counts.get('2026-10-31')).toBe(1);
    expect(counts.get('2026-11-02')).toBe(1);
    expect(streaks(counts.keys(), '2026-11-02')).toEqual({ current: 3, longest: 3 });
  });

  it('follows Europe/London across the change to summer time', () => {
    const tz = 'Europe/London';
    // 29 March 2026, 01:00 GMT → 02:00 BST. 23:30Z on the 29th is 00:30 BST on the 30th.
    expect(localDay('2026-03-29T00:30:00Z', tz)).toBe('2026-03-29');
    expect(localDay('2026-03-29T22:59:00Z', tz)).toBe('2026-03-29');
    expect(localDay('2026-03-29T23:30:00Z', tz)).toBe('2026-03-30');
    // and back: 25 October 2026 02:00 BST → 01:00 GMT; 23:30Z is still the 25th.
    expect(localDay('2026-10-25T23:30:00Z', tz)).toBe('2026-10-25');
    expect(localDay('2026-10-24T23:30:00Z', tz)).toBe('2026-10-25');
  });
});

describe('streaks', () => {
  it('keeps a streak that ended yesterday alive until today is over', () => {
    expect(streaks(['2026-05-01', '2026-05-02', '2026-05-03'], '2026-05-04')).toEqual({ current: 3, longest: 3 });
    expect(streaks(['2026-05-01', '2026-05-02', '2026-05-03'], '2026-05-05')).toEqual({ current: 0, longest: 3 });
  });

  it('counts today when there is activity today, and keeps the longest run', () => {
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-10', '2026-01-11'];
    expect(streaks(days, '2026-01-11')).toEqual({ current: 2, longest: 4 });
  });

  it('crosses month and year ends', () => {
    expect(streaks(['2025-12-30', '2025-12-31', '2026-01-01'], '2026-01-01')).toEqual({ current: 3, longest: 3 });
    expect(streaks(['2028-02-28', '2028-02-29', '2028-03-01'], '2028-03-01')).toEqual({ current: 3, longest: 3 });
  });

  it('is zero for an empty history', () => {
    expect(streaks([], '2026-05-04')).toEqual({ current: 0, longest: 0 });
    const s = summarizeActivity([], 'Asia/Shanghai', new Date('2026-05-04T00:00:00Z'));
    expect(s).toEqual({ today: '2026-05-04', counts: new Map(), current: 0, longest: 0 });
  });

  it("uses the learner's zone for today: just after midnight in Shanghai is already the next day", () => {
    const now = new Date('2026-03-01T16:30:00Z'); // 00:30 on 2 March in Shanghai
    const s = summarizeActivity(['2026-03-01T15:00:00Z'], 'Asia/Shanghai', now);
    expect(s.today).toBe('2026-03-02');
    expect(s.current).toBe(1); // yesterday's activity still counts
    expect(summarizeActivity(['2026-03-01T15:00:00Z'], 'UTC', now).current).toBe(1);
  });
});

describe('calendar grid', () => {
  it('ends with the week of today, Sunday first, with no future days', () => {
    const weeks = calendarWeeks('2026-05-06', 3); // a Wednesday
    expect(weeks).toHaveLength(3);
    expect(weeks[2]).toEqual(['2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06', null, null, null]);
    expect(weeks[0][0]).toBe('2026-04-19');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
  });
});
