import { foldAccents, normalizeWord } from '../text/index';

const WORD = /[\p{L}\p{M}]+/gu;

/** NFC with one tone-mark placement (uỷ→ủy, hoà→hòa); case, quotes and spacing kept. */
export function canonVi(s: string): string {
  return s.normalize('NFC').replace(WORD, (w) => normalizeWord(w));
}

/** Lower-case, accent-free matching key ("Tỉnh uỷ" → "tinh uy"). Same length as canonVi(s) for BMP letters. */
export function foldVi(s: string): string {
  return foldAccents(canonVi(s).toLowerCase());
}
