/** Depths relative to the shallowest of the given units (a view's or an export's root at 0). */
export function relativeDepths<T extends { depth: number }>(units: readonly T[]): (u: T) => number {
  const min = units.length ? Math.min(...units.map((u) => u.depth)) : 0;
  return (u) => u.depth - min;
}
