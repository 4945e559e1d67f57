import { foldVi } from './fold';

/** An event plans name instead of dating ("ngày bầu cử …", "Đại hội XIV"). Editable by the user. */
export interface NamedEvent {
  key: string;
  name: string;
  /** Folded (lower-case, accent-free) prefixes that name the event. */
  aliases: string[];
  /** First day, YYYY-MM-DD. */
  date: string;
  /** Last day for multi-day events. */
  endDate?: string | null;
}

/** Default table; the review screen lets users add provincial congresses etc. */
export const DEFAULT_NAMED_EVENTS: readonly NamedEvent[] = [
  {
    key: 'dai-hoi-xiii',
    name: 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
    aliases: ['dai hoi dai bieu toan quoc lan thu xiii', 'dai hoi xiii cua dang', 'dai hoi xiii', 'dai hoi lan thu xiii cua dang'],
    date: '2021-01-25',
    endDate: '2021-02-01',
  },
  {
    key: 'dai-hoi-xiv',
    name: 'Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
    aliases: ['dai hoi dai bieu toan quoc lan thu xiv', 'dai hoi xiv cua dang', 'dai hoi xiv', 'dai hoi lan thu xiv cua dang'],
    date: '2026-01-19',
    endDate: '2026-01-23',
  },
  {
    key: 'bau-cu-2021',
    name: 'Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026',
    aliases: [
      'bau cu dai bieu quoc hoi khoa xv',
      'bau cu quoc hoi khoa xv',
      'bau cu dai bieu quoc hoi va dai bieu hoi dong nhan dan cac cap nhiem ky 2021',
      'bau cu dai bieu quoc hoi va hoi dong nhan dan cac cap nhiem ky 2021',
    ],
    date: '2021-05-23',
  },
  {
    key: 'bau-cu-2026',
    name: 'Bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 - 2031',
    aliases: [
      'bau cu dai bieu quoc hoi khoa xvi',
      'bau cu quoc hoi khoa xvi',
      'bau cu dai bieu quoc hoi va dai bieu hoi dong nhan dan cac cap nhiem ky 2026',
      'bau cu dai bieu quoc hoi va hoi dong nhan dan cac cap nhiem ky 2026',
    ],
    date: '2026-03-15',
  },
];

const LEAD = /^(?:(?:ngay|cuoc|ky|thoi diem|khi|to chuc|ket thuc|thanh cong|dien ra|hoan thanh|sau khi|truoc khi)\s+)+/;

/**
 * The event a phrase names, or null. Matching is by folded prefix on a word boundary,
 * and "Đại hội XIV Đảng bộ tỉnh" never matches the national "Đại hội XIV".
 */
export function findNamedEvent(phrase: string, events: readonly NamedEvent[]): NamedEvent | null {
  const f = foldVi(phrase).replace(/\s+/g, ' ').trim().replace(LEAD, '');
  for (const ev of events) {
    for (const alias of ev.aliases) {
      const a = foldVi(alias).trim();
      if (!a || !f.startsWith(a)) continue;
      const rest = f.slice(a.length);
      if (/^[a-z0-9]/.test(rest)) continue;
      if (/^\s*(?:cua\s+)?dang bo\b/.test(rest)) continue;
      return ev;
    }
  }
  return null;
}
