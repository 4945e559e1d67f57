// Roaring-style sets of post ids. Ids split into chunks of 65,536 (chunk = id >> 16, low = id & 0xffff);
// within a chunk a set is a sorted Uint16 array while it has ≤ 4,096 members (≤ 8 KB), else a bitmap
// of 65,536 bits (8 KB): whichever is smaller. Stored, a set lacking ≤ 4,096 ids (a word nearly every
// post has) is the sorted array of the ids it lacks. Stored bytes are little-endian.
import { endianness } from 'node:os';

export const CHUNK_SIZE = 65_536;
export const ARRAY_MAX = 4_096;
/** From this many members on, a set is stored as the ids it lacks. */
export const INVERTED_MIN = CHUNK_SIZE - ARRAY_MAX;
export const BITMAP_WORDS = 2_048;
export const BITMAP_BYTES = 8_192;

// Containers are read and written through typed-array views, which use the platform's byte order.
if (endianness() !== 'LE') throw new Error('search containers assume a little-endian platform');

/** Sorted distinct lows (array form) or 2,048 words of bits (bitmap form). */
export type Container = Uint16Array | Uint32Array;

export const chunkOf = (id: number): number => Math.floor(id / CHUNK_SIZE);
export const lowOf = (id: number): number => id % CHUNK_SIZE;

export function isBitmap(c: Container): c is Uint32Array {
  return c instanceof Uint32Array;
}

export function size(c: Container): number {
  return isBitmap(c) ? cardinality(c) : c.length;
}

export function cardinality(bits: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let x = bits[i]!;
    if (x === 0) continue;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
  }
  return n;
}

/** Sets the members of c in bits. */
export function orInto(bits: Uint32Array, c: Container): void {
  if (isBitmap(c)) for (let i = 0; i < BITMAP_WORDS; i++) bits[i]! |= c[i]!;
  else for (let i = 0; i < c.length; i++) bits[c[i]! >>> 5]! |= 1 << (c[i]! & 31);
}

/** Keeps in bits only the members of c (`scratch`: 2,048 free words, used for the array form). */
export function andInto(bits: Uint32Array, c: Container, scratch: Uint32Array): void {
  if (isBitmap(c)) {
    for (let i = 0; i < BITMAP_WORDS; i++) bits[i]! &= c[i]!;
    return;
  }
  scratch.fill(0);
  orInto(scratch, c);
  for (let i = 0; i < BITMAP_WORDS; i++) bits[i]! &= scratch[i]!;
}

export function has(c: Container, low: number): boolean {
  if (isBitmap(c)) return (c[low >>> 5]! & (1 << (low & 31))) !== 0;
  let lo = 0;
  let hi = c.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c[mid]! < low) lo = mid + 1;
    else hi = mid;
  }
  return lo < c.length && c[lo] === low;
}

/** The members of bits in increasing order. */
export function lowsOf(bits: Uint32Array, n = cardinality(bits)): Uint16Array {
  const out = new Uint16Array(n);
  let k = 0;
  for (let w = 0; w < BITMAP_WORDS; w++) {
    let x = bits[w]!;
    while (x !== 0) {
      const t = x & -x;
      out[k++] = (w << 5) | (31 - Math.clz32(t));
      x ^= t;
    }
  }
  return out;
}

/** The smaller form of a set given as bits: array when it has ≤ 4,096 members. */
export function fromBits(bits: Uint32Array): Container {
  const n = cardinality(bits);
  return n <= ARRAY_MAX ? lowsOf(bits, n) : bits;
}

/** The smaller form of a set given as sorted distinct lows. */
export function fromLows(lows: Uint16Array): Container {
  if (lows.length <= ARRAY_MAX) return lows;
  const bits = new Uint32Array(BITMAP_WORDS);
  orInto(bits, lows);
  return bits;
}

export function toBits(c: Container): Uint32Array {
  if (isBitmap(c)) return c;
  const bits = new Uint32Array(BITMAP_WORDS);
  orInto(bits, c);
  return bits;
}

export function union(a: Container, b: Container): Container {
  if (!isBitmap(a) && !isBitmap(b)) {
    // Merge of two sorted arrays; only a big result becomes a bitmap.
    const out = new Uint16Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < a.length && j < b.length) {
      const x = a[i]!;
      const y = b[j]!;
      if (x <= y) {
        out[k++] = x;
        i++;
        if (x === y) j++;
      } else {
        out[k++] = y;
        j++;
      }
    }
    while (i < a.length) out[k++] = a[i++]!;
    while (j < b.length) out[k++] = b[j++]!;
    return fromLows(out.subarray(0, k));
  }
  const bits = new Uint32Array(BITMAP_WORDS);
  orInto(bits, a);
  orInto(bits, b);
  return fromBits(bits);
}

export function intersect(a: Container, b: Container): Container {
  if (isBitmap(a) && isBitmap(b)) {
    const bits = new Uint32Array(BITMAP_WORDS);
    for (let i = 0; i < BITMAP_WORDS; i++) bits[i] = a[i]! & b[i]!;
    return fromBits(bits);
  }
  // At least one array: the result is at most that array, so stays an array.
  const [small, other] = isBitmap(a) ? [b as Uint16Array, a] : [a, b];
  const out = new Uint16Array(small.length);
  let k = 0;
  for (let i = 0; i < small.length; i++) if (has(other, small[i]!)) out[k++] = small[i]!;
  return out.slice(0, k);
}

/** Stored bytes of a container (a copy: safe to keep). */
export function encode(c: Container): Uint8Array {
  if (isBitmap(c)) {
    const n = cardinality(c);
    if (n >= INVERTED_MIN) return encodeBitmap(c, n);
  }
  return new Uint8Array(c.buffer.slice(c.byteOffset, c.byteOffset + c.byteLength));
}

/** Stored bytes of a bitmap with n members: the bitmap, or the ids it lacks when n >= INVERTED_MIN. */
export function encodeBitmap(bits: Uint32Array, n: number): Uint8Array {
  if (n < INVERTED_MIN) return new Uint8Array(bits.buffer, bits.byteOffset, BITMAP_BYTES);
  const lacking = new Uint32Array(BITMAP_WORDS);
  for (let i = 0; i < BITMAP_WORDS; i++) lacking[i] = ~bits[i]!;
  const lows = lowsOf(lacking, CHUNK_SIZE - n);
  return new Uint8Array(lows.buffer, lows.byteOffset, lows.byteLength);
}

/**
 * A container from stored bytes and its member count, which decides the form (at n = 4,096 an array
 * and a bitmap are both 8,192 bytes): n ≤ 4,096 array, n ≥ INVERTED_MIN the ids lacking (read back
 * as a bitmap), else bitmap. Views the bytes when aligned, else copies.
 */
export function decode(bytes: Uint8Array, n: number): Container {
  const form = n <= ARRAY_MAX ? 'array' : n >= INVERTED_MIN ? 'inverted' : 'bitmap';
  const want = form === 'array' ? 2 * n : form === 'inverted' ? 2 * (CHUNK_SIZE - n) : BITMAP_BYTES;
  if (bytes.byteLength !== want) throw new Error(`search container: ${bytes.byteLength} bytes for ${n} ids`);
  const align = form === 'bitmap' ? 4 : 2;
  const src = bytes.byteOffset % align === 0 ? bytes : bytes.slice();
  if (form === 'bitmap') return new Uint32Array(src.buffer, src.byteOffset, BITMAP_WORDS);
  const lows = new Uint16Array(src.buffer, src.byteOffset, want / 2);
  if (form === 'array') return lows;
  const bits = new Uint32Array(BITMAP_WORDS).fill(0xffffffff);
  for (let i = 0; i < lows.length; i++) bits[lows[i]! >>> 5]! &= ~(1 << (lows[i]! & 31));
  return bits;
}
