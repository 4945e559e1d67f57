// Term → 64-bit key of the index. Our own hash (cyrb53's two 32-bit lanes, kept whole) rather than
// DuckDB's hash(): index workers build containers without a DuckDB connection, and an upgrade of
// DuckDB can never silently change the keys (no rebuild on a version change).

/** The two 32-bit halves of a term's key (unsigned). */
export function termHash(s: string): [hi: number, lo: number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h2 >>> 0, h1 >>> 0];
}

/** The key as DuckDB UBIGINT text (hi · 2³² + lo), for binding in queries. */
export function termKey(s: string): string {
  const [hi, lo] = termHash(s);
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}
