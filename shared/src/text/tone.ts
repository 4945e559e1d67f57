// Tone-mark placement and i/y spelling unification for one Vietnamese word.
// Works on NFD so case and vowel modifiers survive untouched.

const TONES = new Set([0x300, 0x301, 0x303, 0x309, 0x323]);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
/** Onsets after which a lone open "i" is spelt "y" in the canonical form (kĩ→kỹ, quí→quý, lí→lý). */
const Y_ONSETS = new Set(['k', 'l', 'm', 'qu', 'h', 't', 's']);

interface Letter {
  base: string;
  marks: string;
}

function isMark(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}

function splitLetters(nfd: string): { letters: Letter[]; tone: string; tones: number } {
  const letters: Letter[] = [];
  let tone = '';
  let tones = 0;
  for (const ch of nfd) {
    const code = ch.codePointAt(0)!;
    if (isMark(code)) {
      if (TONES.has(code)) {
        tone = ch;
        tones++;
      } else if (letters.length > 0) {
        letters[letters.length - 1]!.marks += ch;
      }
    } else {
      letters.push({ base: ch, marks: '' });
    }
  }
  return { letters, tone, tones };
}

function nucleus(letters: Letter[]): { start: number; end: number } {
  const lower = letters.map((l) => l.base.toLowerCase());
  let i = 0;
  while (i < lower.length && !VOWELS.has(lower[i]!)) i++;
  // "qu" and "gi" (before another vowel) belong to the onset.
  if (i > 0 && lower[i - 1] === 'q' && lower[i] === 'u' && i + 1 < lower.length && VOWELS.has(lower[i + 1]!)) i++;
  else if (i === 1 && lower[0] === 'g' && lower[1] === 'i' && i + 1 < lower.length && VOWELS.has(lower[i + 1]!)) i++;
  let j = i;
  while (j < lower.length && VOWELS.has(lower[j]!)) j++;
  return { start: i, end: j };
}

function tonePosition(letters: Letter[], start: number, end: number): number {
  let modded = -1;
  for (let k = start; k < end; k++) if (letters[k]!.marks.length > 0) modded = k;
  if (modded >= 0) return modded;
  const n = end - start;
  if (n <= 1) return start;
  if (end < letters.length) return end - 1; // closed syllable: last vowel (hoàng, huỳnh)
  if (n >= 3) return start + 1; // oai, oay, uyu: middle vowel
  return start; // open two-vowel: hòa, thủy, múa (old style)
}

/** Canonical spelling of one word (NFD in, NFD out); non-syllables come back unchanged. */
export function fixWordNfd(word: string): string {
  const { letters, tone, tones } = splitLetters(word);
  if (letters.length === 0 || letters.length > 7 || tones > 1) return word;
  const { start, end } = nucleus(letters);
  if (start >= end) return word;
  // i/y: a lone open "i" after k, l, m, qu, h, t, s is the same word as "y".
  if (end - start === 1 && end === letters.length && letters[start]!.base.toLowerCase() === 'i') {
    const onset = letters
      .slice(0, start)
      .map((l) => l.base.toLowerCase())
      .join('');
    if (Y_ONSETS.has(onset) && letters[start]!.marks === '') {
      letters[start]!.base = letters[start]!.base === 'I' ? 'Y' : 'y';
    }
  }
  const pos = tone ? tonePosition(letters, start, end) : -1;
  let out = '';
  letters.forEach((l, k) => {
    out += l.base + l.marks + (k === pos ? tone : '');
  });
  return out;
}
