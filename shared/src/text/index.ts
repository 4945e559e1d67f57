export { normalizeVi, normalizeWord, foldCase, foldAccents } from './normalize';
export { tokenizeSyllables, tokenizeInto, normToken, tokenInfo, internId, internedCount, type Syllable, type TokenInfo } from './tokenize';
export { canonicalTokens, canonicalInto, CanonBuffer, canonicalPhrase, romanToInt, type CanonToken } from './canonical';
export {
  ABBREVIATIONS,
  DOC_TYPE_ABBREVIATIONS,
  NUMBER_WORDS,
  ROMAN_DIGITS,
  DROP_BEFORE_NUMBER,
  ROMAN_CONTEXT,
  PHRASE_REWRITES,
} from './equivalences';
