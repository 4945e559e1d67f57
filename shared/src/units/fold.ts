import { foldAccents, normalizeVi } from '../text';

/**
 * The key two spellings of one name share: one tone-mark placement, lower case, no accents, đ → d,
 * punctuation as spaces. "Tên đơn vị", "TEN DON VI", "Tên  Đơn-vị" → "ten don vi".
 */
export function foldKey(s: string): string {
  return foldAccents(normalizeVi(s).toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
