import { describe, expect, it } from 'vitest';
import { todayInVietnam, upcomingAnniversaries } from './anniversaries';

describe('upcomingAnniversaries', () => {
  const list = [
    { id: 'old', event: 'Thành lập QĐND', date: '1944-12-22', precision: 'day', years: 82 },
    { id: 'soon', event: 'Ngày Nhà giáo', date: '2026-11-20', precision: 'day', years: null },
    { id: 'past', event: 'Đã qua', date: '2026-11-01', precision: 'day', years: null },
    { id: 'far', event: 'Xa', date: '2027-05-19', precision: 'day', years: null },
  ];
  it('keeps the next 30 days, moving an original-event date to its coming anniversary', () => {
    const got = upcomingAnniversaries(list, '2026-11-20');
    // 22/12 is 32 days away: outside the window.
    expect(got.map((g) => [g.anniversary.id, g.on, g.daysAway])).toEqual([['soon', '2026-11-20', 0]]);
    expect(upcomingAnniversaries(list, '2026-11-22').map((g) => [g.anniversary.id, g.daysAway])).toEqual([['old', 30]]);
  });
  it('wraps into next year', () => {
    const got = upcomingAnniversaries(list, '2026-12-10');
    expect(got.map((g) => [g.anniversary.id, g.on, g.daysAway])).toEqual([['old', '2026-12-22', 12]]);
  });
  it('today in Vietnam is GMT+7', () => {
    expect(todayInVietnam(new Date('2026-11-23T18:00:00Z'))).toBe('2026-11-24');
    expect(todayInVietnam(new Date('2026-11-23T16:59:00Z'))).toBe('2026-11-23');
  });
});
