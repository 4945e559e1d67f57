import { fixWordNfd } from './tone';

const WORD = /[\p{L}\p{M}]+/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const DQUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\uFF02]/g;
const SQUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

/** Canonical spelling of a single word (any normal form in, NFC out). */
export function normalizeWord(word: string): string {
  return fixWordNfd(word.normalize('NFD')).normalize('NFC');
}

/**
 * NFC, one tone-mark placement (hoà→hòa, uỷ→ủy, lọai→loại), i/y variants of the same word
 * (quí→quý, kĩ→kỹ), one dash, straight quotes, single spaces. Case is kept.
 */
export function normalizeVi(s: string): string {
  return s
    .normalize('NFD')
    .replace(WORD, (w) => fixWordNfd(w))
    .normalize('NFC')
    .replace(DASHES, '-')
    .replace(DQUOTES, '"')
    .replace(SQUOTES, "'")
    .replace(SPACES, ' ')
    .trim();
}

/** Lower case; đ stays đ (only accents are folded by foldAccents). */
export function foldCase(s: string): string {
  return s.toLowerCase();
}

/** Accent-insensitive key: "Chuyển đổi số" → "chuyen doi so" (after foldCase), đ→d. */
export function foldAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
