// DuckDB hands query results to JavaScript in native chunks that are freed only when V8 collects
// their small wrapper objects. V8 sees only the wrappers, so it is in no hurry: a search reads a few
// MB of postings, and a hundred searches leave 100+ MB of dead chunks — and the allocator pages they
// fragment — resident. So work that reads many MB (a search, the attribute store's load, a result
// of over 20,000 rows, a job) asks for a full collection right after it, at most one per MIN_GAP_MS.
// Measured at full size (5 M posts): 108 searches end at 237 MB with a collection after each,
// 341 MB with one every 500 ms. It needs Node's --expose-gc — `npm run serve` sets it; without it
// there is nothing to call. README "Memory".

const MIN_GAP_MS = 50;

/** A function that schedules one full collection after the current work, coalesced, `minGapMs` apart. */
export function createCollector(gc: (() => void) | null, minGapMs = MIN_GAP_MS): () => void {
  let scheduled = false;
  let last = -Infinity;
  return () => {
    if (!gc || scheduled) return;
    scheduled = true;
    const run = () => {
      scheduled = false;
      last = performance.now();
      gc();
    };
    const wait = last + minGapMs - performance.now();
    if (wait <= 0) setImmediate(run);
    else setTimeout(run, wait).unref();
  };
}

const exposed = (globalThis as { gc?: () => void }).gc;

/** Schedules a collection with V8's collector (nothing when Node runs without --expose-gc). */
export const collectSoon = createCollector(typeof exposed === 'function' ? () => exposed() : null);

/**
 * A full collection now, then a turn of the event loop for the native finalizers it queued (the
 * dead results' chunks are freed there): what a read that ran DuckDB out of memory waits for before
 * its one retry (connection.ts).
 */
export async function collectNow(): Promise<void> {
  if (typeof exposed === 'function') exposed();
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 10));
}
