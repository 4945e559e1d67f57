import { canonicalPhrase, normalizeVi } from '../text';
import { GENERIC, STOP_EDGE } from './stopwords';

const DOC_REF =
  /(Nghị quyết|Chỉ thị|Kết luận|Quy định|Hướng dẫn|Quyết định|Thông báo|Kế hoạch)(?:\s+số)?\s+(\d{1,4})\s*-\s*([A-ZĐ]{1,6}(?:\s*\/\s*[A-ZĐ]{1,8})+)/g;
const CONGRESS = /(Văn kiện\s+|Nghị quyết\s+)?Đại hội(?:\s+đại biểu toàn quốc|\s+Đảng toàn quốc)?(?:\s+lần thứ)?\s+([IVXL]{2,5})\b/g;
const PARTY_CONGRESS = /((?:Nghị quyết\s+)?Đại hội)(?:\s+đại biểu)?\s+(Đảng bộ\s+[^,;.()]{2,40}?)\s+lần thứ\s+([IVXL]{1,6})\b/g;
const TERM = /(Quốc hội|Hội đồng nhân dân|HĐND|Ban Chấp hành Trung ương)\s+khóa\s+([IVXL]{2,5})\b/g;
const ANNIVERSARY = /\d+\s+năm\s+(Ngày\s+[^(;,.\d]{6,80})/g;
const QUOTED = /"([^"]{6,220})"/g;

/** Named references: documents by number, congresses, terms, dated anniversaries. */
export function namedReferences(text: string): string[] {
  const s = normalizeVi(text);
  const out: string[] = [];
  for (const m of s.matchAll(DOC_REF)) {
    out.push(`${m[1]} số ${m[2]}-${m[3]!.replace(/\s+/g, '')}`, `${m[1]} ${m[2]}`);
  }
  for (const m of s.matchAll(CONGRESS)) {
    out.push(`Đại hội ${m[2]}`);
    if (m[1]) out.push(`${m[1].trim()} Đại hội ${m[2]}`);
  }
  for (const m of s.matchAll(TERM)) out.push(`${m[1]} khóa ${m[2]}`);
  for (const m of s.matchAll(PARTY_CONGRESS)) out.push(`${m[1]} ${m[2]} lần thứ ${m[3]}`);
  for (const m of s.matchAll(ANNIVERSARY)) out.push(m[1]!.trim().replace(/\s+(và|của)$/, ''));
  return dedupe(out);
}

/** Quoted slogans and titles of articles, as written. */
export function quotedPhrases(text: string): string[] {
  const s = normalizeVi(text);
  const out: string[] = [];
  for (const m of s.matchAll(QUOTED)) {
    const q = m[1]!.trim();
    const n = q.split(/\s+/).length;
    if (n >= 2 && n <= 22) out.push(q);
  }
  return dedupe(out);
}

/**
 * Candidate phrases, RAKE-style: runs of content syllables between function words and punctuation,
 * canonical, 2–6 syllables, with counts. Function words are whole words, so runs respect word edges.
 */
export function salientNgrams(text: string, min = 2, max = 6): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (run: string[]) => {
    if (run.length < min || run.length > max) return;
    if (run.every((t) => /^[\d#]/.test(t))) return;
    const key = run.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const seg of normalizeVi(text).split(/[,;:.()!?\n*"]|\s-\s/)) {
    let run: string[] = [];
    for (const t of canonicalPhrase(seg).split(' ')) {
      if (!t || STOP_EDGE.has(t)) {
        add(run);
        run = [];
      } else run.push(t);
    }
    add(run);
  }
  return counts;
}

/**
 * Keyphrases for a theme text when plan import gives none: named references, quoted slogans,
 * then the most repeated multi-syllable phrases (longest first among equals).
 */
export function deriveKeyphrases(themeText: string, limit = 12): string[] {
  const refs = namedReferences(themeText);
  const quoted = quotedPhrases(themeText);
  const ngrams = [...salientNgrams(themeText)]
    .filter(([g]) => !GENERIC.has(g))
    .sort((a, b) => b[1] - a[1] || b[0].split(' ').length - a[0].split(' ').length || a[0].localeCompare(b[0]))
    .map(([g]) => g);
  const taken = [...refs, ...quoted].map(canonicalPhrase);
  const extra: string[] = [];
  for (const g of ngrams) {
    if (extra.length >= limit) break;
    if (taken.some((t) => t.includes(g)) || extra.some((e) => e.includes(g) || g.includes(e))) continue;
    extra.push(g);
  }
  return dedupe([...refs, ...quoted, ...extra]);
}

function dedupe(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = canonicalPhrase(x);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
