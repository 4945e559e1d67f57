import { describe, expect, it } from 'vitest';
import { parsePartialDate, parseDayDate } from './dates';
import { DEFAULT_NAMED_EVENTS, findNamedEvent } from './named-events';
import { resolvePeriod, type PeriodContext } from './period';

const issued: PeriodContext = { issuedOn: '2021-06-10', parentDate: '2021-05-05', namedEvents: DEFAULT_NAMED_EVENTS };
const noIssue: PeriodContext = { issuedOn: null, parentDate: '2021-05-19', namedEvents: DEFAULT_NAMED_EVENTS };
const bare: PeriodContext = { issuedOn: null, parentDate: null, namedEvents: DEFAULT_NAMED_EVENTS };

describe('resolvePeriod', () => {
  const cases: Array<[string, PeriodContext, string | null, string | null, string[]]> = [
    ['Từ nay đến hết năm 2021', issued, '2021-06-10', '2021-12-31', []],
    ['Từ nay đến hết năm 2021', noIssue, '2021-05-19', '2021-12-31', ['start-from-parent-date']],
    ['từ nay đến hết năm 2021', bare, null, '2021-12-31', ['start-unknown']],
    ['Năm 2022 và các năm tiếp theo', issued, '2022-01-01', null, []],
    ['từ năm 2022 đến năm 2025', issued, '2022-01-01', '2025-12-31', []],
    ['Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng', issued, '2025-01-01', '2026-01-19', []],
    ['Giai đoạn từ năm 2025 đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng', issued, '2025-01-01', '2026-01-19', []],
    ['Trước và trong ngày bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp', noIssue, '2021-05-19', '2021-05-23', ['start-from-parent-date']],
    ['Từ sau ngày bầu cử Đại biểu Quốc hội khóa XV và đại biểu hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026 đến hết năm 2021', issued, '2021-05-24', '2021-12-31', []],
    ['Sau bầu cử đại biểu Quốc hội khóa XV đến hết năm 2021', issued, '2021-05-24', '2021-12-31', []],
    ['6 tháng cuối năm 2021', issued, '2021-07-01', '2021-12-31', []],
    ['6 tháng đầu năm 2022', issued, '2022-01-01', '2022-06-30', []],
    ['Quý III/2022', issued, '2022-07-01', '2022-09-30', []],
    ['Tháng 5/2021', issued, '2021-05-01', '2021-05-31', []],
    ['từ ngày 01/6/2021 đến ngày 30/6/2021', issued, '2021-06-01', '2021-06-30', []],
    ['Năm 2022', issued, '2022-01-01', '2022-12-31', []],
    ['Từ nay đến hết tháng 9/2021', issued, '2021-06-10', '2021-09-30', []],
    ['Đợt 1 (từ ngày 01/3 đến ngày 30/4/2022)', issued, '2022-03-01', '2022-04-30', []],
    ['từ ngày 01/3/2022 đến ngày 30/4', issued, '2022-03-01', '2022-04-30', []],
    ['Từ tháng 01/2022 đến tháng 6/2022', issued, '2022-01-01', '2022-06-30', []],
    ['Giai đoạn 2021 - 2025', issued, '2021-01-01', '2025-12-31', []],
  ];
  it.each(cases)('%s', (phrase, ctx, start, end, flags) => {
    const r = resolvePeriod(phrase, ctx);
    expect(r).not.toBeNull();
    expect(r!.startsOn).toBe(start);
    expect(r!.endsOn).toBe(end);
    expect(r!.flags).toEqual(flags);
  });

  it('leaves an unknown named event empty and flagged, never guessed', () => {
    const r = resolvePeriod('Giai đoạn từ nay đến Đại hội lần thứ II Đảng bộ Khối cơ quan và doanh nghiệp tỉnh, Đại hội XXI Đảng bộ tỉnh', noIssue)!;
    expect(r.startsOn).toBe('2021-05-19');
    expect(r.endsOn).toBeNull();
    expect(r.flags).toContain('unknown-event:Đại hội lần thứ II Đảng bộ Khối cơ quan và doanh nghiệp tỉnh');
    expect(r.flags).toContain('unknown-event:Đại hội XXI Đảng bộ tỉnh');
  });

  it('uses an edited named-event table', () => {
    const ctx = { ...noIssue, namedEvents: [...DEFAULT_NAMED_EVENTS, { key: 'dh-xxi-bd', name: 'Đại hội XXI Đảng bộ tỉnh', aliases: ['dai hoi xxi dang bo tinh'], date: '2025-10-15' }] };
    expect(resolvePeriod('Từ nay đến Đại hội XXI Đảng bộ tỉnh', ctx)).toEqual({ startsOn: '2021-05-19', endsOn: '2025-10-15', flags: ['start-from-parent-date'], events: [ctx.namedEvents[4]] });
  });

  it('ends a window at a named event written as "khi tổ chức thành công …", saying which event', () => {
    const r = resolvePeriod('Từ tháng 10/2025 đến khi tổ chức thành công Đại hội đại biểu toàn quốc lần thứ XIV của Đảng', issued);
    expect(r).toMatchObject({ startsOn: '2025-10-01', endsOn: '2026-01-23', flags: [] });
    expect(r!.events!.map((e) => e.key)).toEqual(['dai-hoi-xiv']);
    expect(resolvePeriod('Trước và trong ngày bầu cử đại biểu Quốc hội khóa XVI', issued)?.events?.map((e) => e.key)).toEqual(['bau-cu-2026']);
  });

  it('reads a whole-plan period written with an en dash', () => {
    expect(resolvePeriod('giai đoạn 2026–2030', issued)).toEqual({ startsOn: '2026-01-01', endsOn: '2030-12-31', flags: [] });
  });

  it('is null for text with no time expression', () => {
    expect(resolvePeriod('Kết quả, thành công Đại hội XIII của Đảng', issued)).toBeNull();
    expect(resolvePeriod('Trong quá trình tuyên truyền, thường xuyên coi trọng', issued)).toBeNull();
  });
});

describe('named events', () => {
  it('does not take a provincial congress for the national one', () => {
    expect(findNamedEvent('Đại hội XIV của Đảng', DEFAULT_NAMED_EVENTS)?.key).toBe('dai-hoi-xiv');
    expect(findNamedEvent('Đại hội XIV Đảng bộ tỉnh', DEFAULT_NAMED_EVENTS)).toBeNull();
    expect(findNamedEvent('bầu cử đại biểu Quốc hội khóa XVI', DEFAULT_NAMED_EVENTS)?.key).toBe('bau-cu-2026');
  });
});

describe('dates', () => {
  it.each([
    ['05-5-2021', '2021-05-05'],
    ['19/5/2021', '2021-05-19'],
    ['ngày 12 tháng 11 năm 2020', '2020-11-12'],
    ['31/2/2021', null],
  ])('parseDayDate(%s)', (s, iso) => expect(parseDayDate(s)).toBe(iso));
  it('keeps month and year precision', () => {
    expect(parsePartialDate('7/1941')).toEqual({ iso: '1941-07', precision: 'month' });
    expect(parsePartialDate('1831')).toEqual({ iso: '1831', precision: 'year' });
  });
});
