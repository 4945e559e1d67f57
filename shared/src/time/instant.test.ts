import { describe, expect, it } from 'vitest';
import { checkPlausible, dateFromUrl, inferDayOrder, parseDate, parseVietnameseDate, toVnIso } from './instant';

describe('parseDate', () => {
  const cases: Array<[string, string | null]> = [
    ['Mon, 03 Feb 2025 08:15:00 +0700', '2025-02-03T08:15:00+07:00'],
    ['Mon, 03 Feb 2025 08:15:00 GMT+7', '2025-02-03T08:15:00+07:00'],
    ['Mon, 03 Feb 2025 08:15:00 GMT+07:00', '2025-02-03T08:15:00+07:00'],
    ['Mon, 03 Feb 2025 01:15:00 GMT', '2025-02-03T08:15:00+07:00'],
    ['3 Feb 2025 08:15 ICT', '2025-02-03T08:15:00+07:00'],
    ['Mon, 03 Feb 2025 08:15:00', '2025-02-03T08:15:00+07:00'],
    ['2025-02-03T01:15:00Z', '2025-02-03T08:15:00+07:00'],
    ['2025-02-03T08:15:00.123+07:00', '2025-02-03T08:15:00+07:00'],
    ['2025-02-03 08:15:00', '2025-02-03T08:15:00+07:00'],
    ['2025-02-03', '2025-02-03T00:00:00+07:00'],
    ['Thứ Hai, 03/02/2025 - 08:15', '2025-02-03T08:15:00+07:00'],
    ['03/02/2025 08:15 GMT+7', '2025-02-03T08:15:00+07:00'],
    ['03/02/2025 08:15 (GMT+7)', '2025-02-03T08:15:00+07:00'],
    ['03-02-2025 | 8h15', '2025-02-03T08:15:00+07:00'],
    ['03/02/2025 02:15 PM', '2025-02-03T14:15:00+07:00'],
    ['ngày 3 tháng 2 năm 2025', '2025-02-03T00:00:00+07:00'],
    // Liferay 6.2 and .NET portals.
    ['21/07/2022 | 10:00 AM', '2022-07-21T10:00:00+07:00'],
    ['09/09/2020 | 05:07 PM', '2020-09-09T17:07:00+07:00'],
    ['15:34 05/03/2026', '2026-03-05T15:34:00+07:00'],
    // Month-first when day-first is impossible.
    ['2/18/2017 11:21:09 PM', '2017-02-18T23:21:09+07:00'],
    ['hôm qua', null],
    ['31/02/2025', null],
    ['2025-13-01', null],
    ['Mon, 03 Foo 2025 08:15:00', null],
    ['', null],
  ];
  it.each(cases)('%j → %s', (input, iso) => {
    expect(parseDate(input)?.iso ?? null).toBe(iso);
  });
  it('reads numeric dates month-first when told (a US-style title attribute, a US feed)', () => {
    expect(parseDate('3/5/2026 3:34:00 PM', { order: 'mdy' })?.iso).toBe('2026-03-05T15:34:00+07:00');
    expect(parseDate('3/5/2026 3:34:00 PM')?.iso).toBe('2026-05-03T15:34:00+07:00');
    expect(parseDate('05/03/2026 15:34', { order: 'dmy' })?.iso).toBe('2026-03-05T15:34:00+07:00');
  });
  it('"12:00 AM" is a placeholder: the day only', () => {
    const d = parseDate('03/12/2012 12:00 AM')!;
    expect(d).toMatchObject({ iso: '2012-12-03T00:00:00+07:00', dateOnly: true });
    expect(parseDate('03/12/2012 12:00:00 AM')?.dateOnly).toBe(true);
    expect(parseDate('03/12/2012 12:05 AM')).toMatchObject({ iso: '2012-12-03T00:05:00+07:00' });
    expect(parseDate('03/12/2012 12:05 AM')?.dateOnly).toBeUndefined();
    expect(parseDate('03/12/2012')?.dateOnly).toBe(true);
    expect(parseDate('2025-02-03')?.dateOnly).toBe(true);
    expect(parseDate('2025-02-03T00:00:00+07:00')?.dateOnly).toBeUndefined();
  });
  it('a zone-less time takes the document zone when given, +07:00 otherwise', () => {
    expect(parseDate('2/18/2017 11:21:09 PM', { zoneMin: 0 })?.iso).toBe('2017-02-19T06:21:09+07:00');
    expect(parseDate('2/18/2017 11:21:09 PM +0700', { zoneMin: 0 })?.iso).toBe('2017-02-18T23:21:09+07:00');
  });
  it('flags an assumed zone', () => {
    expect(parseDate('2025-02-03 08:15')?.zoneAssumed).toBe(true);
    expect(parseDate('2025-02-03T08:15:00Z')?.zoneAssumed).toBe(false);
  });
});

describe('parseVietnameseDate in free text', () => {
  const cases: Array<[string, string | null]> = [
    ['Cập nhật lúc 08:15 ngày 03/02/2025', '2025-02-03T08:15:00+07:00'],
    ['Đăng ngày: Thứ Hai, 03/02/2025 - 08:15 | Lượt xem: 120', '2025-02-03T08:15:00+07:00'],
    ['(Tin tức) 15/12/2024 07:00 GMT+7 Sáng nay...', '2024-12-15T07:00:00+07:00'],
    ['Không có ngày nào ở đây 12:30', null],
    // "Ch…"/"Sá…" starting the next word are not CH/SA (chiều/sáng) markers.
    ['Thứ Hai, 23/11/2026 - 08:59 Chỉ tiêu tuyển dụng', '2026-11-23T08:59:00+07:00'],
    ['23/11/2026 08:59 Sáng nay, tại hội trường', '2026-11-23T08:59:00+07:00'],
    ['23/11/2026 08:59 CH', '2026-11-23T20:59:00+07:00'],
  ];
  it.each(cases)('%j → %s', (text, iso) => {
    expect(parseVietnameseDate(text)?.iso ?? null).toBe(iso);
  });
});

describe('relative dates, with a reference time', () => {
  const now = new Date('2025-03-01T10:30:00+07:00');
  const cases: Array<[string, string | null]> = [
    ['2 giờ trước', '2025-03-01T08:30:00+07:00'],
    ['Cập nhật 45 phút trước', '2025-03-01T09:45:00+07:00'],
    ['3 ngày trước', '2025-02-26T00:00:00+07:00'],
    ['1 tuần trước', '2025-02-22T00:00:00+07:00'],
    ['Hôm qua lúc 08:15', '2025-02-28T08:15:00+07:00'],
    ['hôm nay', '2025-03-01T00:00:00+07:00'],
    ['vừa xong', '2025-03-01T10:30:00+07:00'],
  ];
  it.each(cases)('%j → %s', (text, iso) => {
    expect(parseVietnameseDate(text, false, { now })?.iso ?? null).toBe(iso);
  });
  it('not without a reference time', () => expect(parseVietnameseDate('2 giờ trước')).toBeNull());
  it('marks them relative', () => expect(parseVietnameseDate('2 giờ trước', false, { now })?.relative).toBe(true));
});

describe('inferDayOrder', () => {
  const cases: Array<[string[], string | null]> = [
    [['2/18/2017 11:21:09 PM', '2/9/2017 10:00:00 AM'], 'mdy'],
    [['21/07/2022 | 10:00 AM', '03/02/2022'], 'dmy'],
    [['03/02/2022', '04/05/2022'], null],
    [['13/01/2022', '01/13/2022'], null],
    [['Không có ngày'], null],
  ];
  it.each(cases)('%j → %s', (samples, order) => expect(inferDayOrder(samples)).toBe(order));
});

describe('dateFromUrl', () => {
  const cases: Array<[string, string | null]> = [
    ['https://x.gov.vn/tin-tuc/2025/02/03/hoi-nghi.html', '2025-02-03T00:00:00+07:00'],
    ['https://x.gov.vn/hoi-nghi-20250203084512.htm', '2025-02-03T00:00:00+07:00'],
    ['https://x.gov.vn/2025-2-3-hoi-nghi', '2025-02-03T00:00:00+07:00'],
    ['https://x.gov.vn/tin-tuc/hoi-nghi-123456.html', null],
    ['https://x.gov.vn/2025/13/40/x', null],
  ];
  it.each(cases)('%s → %s', (url, iso) => expect(dateFromUrl(url)?.iso ?? null).toBe(iso));
});

describe('checkPlausible and toVnIso', () => {
  const now = new Date('2025-03-01T00:00:00Z');
  const cases: Array<[string, string]> = [
    ['2025-02-28T10:00:00Z', 'ok'],
    ['2025-03-01T01:00:00Z', 'ok'],
    ['2025-03-02T00:00:00Z', 'future'],
    ['1990-01-01T00:00:00Z', 'too-old'],
  ];
  it.each(cases)('%s → %s', (iso, verdict) => {
    expect(checkPlausible(new Date(iso), { now })).toBe(verdict);
  });
  it('formats in +07:00', () => {
    expect(toVnIso(new Date('2024-12-31T20:00:00Z'))).toBe('2025-01-01T03:00:00+07:00');
  });
});
