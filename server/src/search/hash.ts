// Term → 64-bit key of the index. Our own hash (cyrb53's two 32-bit lanes, kept whole) rather than
// DuckDB's hash(): index workers build containers without a DuckDB connection, and an upgrade of
// DuckDB can never silently change the keys (no rebuild on a version change).
import { hash64 } from '@tdtt/jobs/collect';

/** The two 32-bit halves of a term's key (unsigned): cyrb53's lanes, as the near-duplicate hash uses them. */
export function termHash(s: string): [hi: number, lo: number] {
  const [a, b] = hash64(s);
  return [b, a];
}

/** The key as DuckDB UBIGINT text (hi · 2³² + lo), for binding in queries. */
export function termKey(s: string): string {
  const [hi, lo] = termHash(s);
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}
