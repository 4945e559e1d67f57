import { addDays } from './period';

export interface TimelinessWindow {
  daysBefore: number;
  daysAfter: number;
}

export const DEFAULT_WINDOW: TimelinessWindow = { daysBefore: 14, daysAfter: 7 };

export type Timeliness = 'on-time' | 'late' | 'silent' | 'pending';

/**
 * A unit is on time for an anniversary when it published on it within the window around the date;
 * late when its first post on it came after the window; silent when none;
 * pending while the window is still open and nothing came yet.
 */
export function anniversaryTimeliness(
  date: string,
  postDays: string[],
  today: string,
  window: TimelinessWindow = DEFAULT_WINDOW,
): Timeliness {
  const from = addDays(date, -window.daysBefore);
  const to = addDays(date, window.daysAfter);
  if (postDays.some((d) => d >= from && d <= to)) return 'on-time';
  if (postDays.some((d) => d > to)) return 'late';
  return today <= to ? 'pending' : 'silent';
}

export function anniversaryWindow(date: string, window: TimelinessWindow = DEFAULT_WINDOW): { from: string; to: string } {
  return { from: addDays(date, -window.daysBefore), to: addDays(date, window.daysAfter) };
}
