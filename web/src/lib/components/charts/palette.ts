// Colour-blind-safe sequential steps (viridis), light → dark, for counts.
export const VIRIDIS_STEPS = ['#fde725', '#a0da39', '#4ac16d', '#1fa187', '#277f8e', '#365c8d', '#46327e', '#440154'] as const;

/** Lower bounds of each step: 1, 2, 3, 5, 8, 13, 21, 34 matches. */
export const STEP_FLOORS = [1, 2, 3, 5, 8, 13, 21, 34] as const;

export const ZERO_COLOUR = '#eef0f2';

/** Background and readable text colour for a match count. */
export function countColour(count: number): { bg: string; fg: string } {
  if (count <= 0) return { bg: ZERO_COLOUR, fg: '#555' };
  let i = 0;
  while (i + 1 < STEP_FLOORS.length && count >= STEP_FLOORS[i + 1]!) i++;
  return { bg: VIRIDIS_STEPS[i]!, fg: i >= 3 ? '#fff' : '#111' };
}

export function stepLabel(i: number): string {
  const lo = STEP_FLOORS[i]!;
  const next = STEP_FLOORS[i + 1];
  if (next === undefined) return `≥ ${lo}`;
  return next - 1 === lo ? `${lo}` : `${lo}–${next - 1}`;
}

/** Series colours for bars and lines (viridis/cividis blues, distinct in all common colour-vision deficiencies). */
export const SERIES = { primary: '#365c8d', secondary: '#1fa187', muted: '#9aa5b1' } as const;
