import { normalizeForHash } from './hash';

// 64-bit SimHash over word 3-shingles: near-identical texts (reposts with a
// changed header or footer) land within a few bits of each other.

const SHINGLE = 3;

/** Two independent 32-bit hashes of a string (cyrb53 mixing), together 64 bits. */
export function hash64(s: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

export function words(text: string): string[] {
  return normalizeForHash(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** SimHash of the text as 16 lowercase hex chars ("0000000000000000" for empty text). */
export function simhash(text: string): string {
  const w = words(text);
  const v = new Int32Array(64);
  const n = w.length < SHINGLE ? Math.min(w.length, 1) : w.length - SHINGLE + 1;
  for (let i = 0; i < n; i++) {
    const [hi, lo] = hash64(w.slice(i, i + SHINGLE).join(' '));
    for (let b = 0; b < 32; b++) {
      v[b] = v[b]! + ((hi >>> b) & 1 ? 1 : -1);
      v[32 + b] = v[32 + b]! + ((lo >>> b) & 1 ? 1 : -1);
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (v[b]! > 0) hi |= 1 << b;
    if (v[32 + b]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits between two 16-hex-char SimHashes. */
export function hammingDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) throw new RangeError('simhash must be 16 hex chars');
  return (
    popcount32(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) +
    popcount32(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16))
  );
}

/** Repost test: default threshold of 3 bits out of 64 (common for SimHash near-duplicates). */
export function isNearDuplicate(a: string, b: string, maxBits = 3): boolean {
  return hammingDistance(a, b) <= maxBits;
}
