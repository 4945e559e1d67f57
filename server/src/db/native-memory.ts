// DuckDB hands query results to JavaScript in native chunks that are freed only when V8 collects
// their small wrapper objects. V8 sees only the wrappers, so it is in no hurry, and until then the
// chunks stay resident and count against DuckDB's memory_limit: a hundred searches (a few MB of
// postings each) leave 100+ MB behind, enough to make the next query fail with "Out of Memory".
// So work that reads many MB asks for a full collection right after it (collectSoon, at most one
// per MIN_GAP_MS), a query that runs out of memory collects and is tried once more, and the memory
// limit is lowered after a job only once its results are collected (connection.ts). Measured at full
// size (5 M posts): 108 searches end at 237 MB with a collection after each, 341 MB with one every
// 500 ms. (A V8 flag that makes every collection come sooner, --heap-growing-percent, costs an XLSX
// export of a province a quarter more time.) It needs Node's --expose-gc — `npm run serve` sets it;
// without it there is nothing to call. README "Memory".

const MIN_GAP_MS = 50;

let gc: (() => void) | null | undefined;
let scheduled = false;
let last = -Infinity;

function exposedGc(): (() => void) | null {
  const fn = (globalThis as { gc?: () => void }).gc;
  return typeof fn === 'function' ? () => fn() : null;
}

/** Whether collections can be asked for (Node runs with --expose-gc). */
export function canCollect(): boolean {
  gc ??= exposedGc();
  return gc !== null;
}

/** Schedules one full collection after the current work (coalesced; nothing without --expose-gc). */
export function collectSoon(): void {
  if (!canCollect() || scheduled) return;
  scheduled = true;
  const run = () => {
    scheduled = false;
    last = performance.now();
    gc!();
  };
  const wait = last + MIN_GAP_MS - performance.now();
  if (wait <= 0) setImmediate(run);
  else setTimeout(run, wait).unref();
}

/** Collects now and lets the wrappers' finalizers (which free the chunks) run. */
export async function collectNow(): Promise<void> {
  if (!canCollect()) return;
  last = performance.now();
  gc!();
  await new Promise((resolve) => setImmediate(resolve));
}
