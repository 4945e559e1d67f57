import { describe, expect, it } from 'vitest';
import { checkPlausible, parseDate, parseVietnameseDate, toVnIso } from './dates';

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
    ['hôm qua', null],
    ['31/02/2025', null],
    ['2025-13-01', null],
    ['Mon, 03 Foo 2025 08:15:00', null],
    ['', null],
  ];
  it.each(cases)('%j → %s', (input, iso) => {
    expect(parseDate(input)?.iso ?? null).toBe(iso);
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
