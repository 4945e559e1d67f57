import { foldKey } from './fold';

/** The kinds of unit a Vietnamese registry names, stored as a slug; the label is what people type. */
export const UNIT_KINDS: ReadonlyArray<{ slug: string; label: string; aliases?: string[] }> = [
  { slug: 'tinh-uy', label: 'Tỉnh ủy', aliases: ['thành ủy'] },
  { slug: 'ban-dang', label: 'Ban Đảng', aliases: ['ban', 'ban tỉnh ủy'] },
  { slug: 'dang-uy-khoi', label: 'Đảng ủy khối' },
  { slug: 'dang-uy', label: 'Đảng ủy', aliases: ['huyện ủy', 'thị ủy'] },
  { slug: 'so', label: 'Sở', aliases: ['sở, ngành', 'ngành'] },
  { slug: 'xa-phuong', label: 'Xã/phường', aliases: ['xã', 'phường', 'thị trấn', 'xã, phường'] },
  { slug: 'dac-khu', label: 'Đặc khu' },
  { slug: 'chi-bo', label: 'Chi bộ' },
  { slug: 'bao-dai', label: 'Báo, đài', aliases: ['báo', 'đài', 'cơ quan báo chí'] },
  { slug: 'doanh-nghiep', label: 'Doanh nghiệp' },
  { slug: 'co-quan', label: 'Cơ quan', aliases: ['đoàn thể', 'tổ chức'] },
  { slug: 'unit', label: 'Đơn vị', aliases: ['khác'] },
];

const BY_KEY = new Map<string, string>();
for (const k of UNIT_KINDS) for (const name of [k.slug, k.label, ...(k.aliases ?? [])]) BY_KEY.set(foldKey(name), k.slug);

/** "Xã / Phường", "xa-phuong", "PHƯỜNG" → "xa-phuong"; an unknown kind keeps its own slug (the list is open). */
export function kindSlug(text: string): string {
  const key = foldKey(text);
  if (!key) return 'unit';
  return BY_KEY.get(key) ?? key.replace(/ /g, '-');
}

/** The label shown and exported for a stored slug (an unknown slug is shown as written). */
export function kindLabel(slug: string): string {
  return UNIT_KINDS.find((k) => k.slug === slug)?.label ?? slug.replace(/-/g, ' ');
}
