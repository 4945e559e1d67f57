// Is a token one well-formed Vietnamese syllable? Used to undo glued words ("Khốixây").
import { foldVi } from '../time/index';

const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?';
const NUCLEI = [
  'uyeu', 'oai', 'oay', 'oao', 'oeo', 'uay', 'uoi', 'uou', 'uya', 'uye', 'uyu', 'ieu', 'yeu', 'uoi', 'ươi',
  'ai', 'ao', 'au', 'ay', 'eo', 'eu', 'ia', 'ie', 'iu', 'oa', 'oe', 'oi', 'oo', 'ua', 'ue', 'ui', 'uo', 'uu', 'uy', 'ye',
  'a', 'e', 'i', 'o', 'u', 'y',
];
const CODA = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEI.join('|')})${CODA}$`);
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

export function isVietSyllable(token: string): boolean {
  const tones = token.normalize('NFD').match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  const f = foldVi(token);
  if (f.length > 7 || !/^[a-z]+$/.test(f)) return false;
  return SYLLABLE.test(f);
}
