import type { LinearModel } from './linear';

/**
 * What trainFromDecisions learns: per theme, a bias and weights on canonical syllable n-grams
 * that correct the phrase score, and the linear model (hashed n-gram logistic regression).
 */
export interface ClassifierModel {
  version: string;
  generation: number;
  themes: Record<string, { bias: number; weights: Record<string, number> }>;
  linear?: LinearModel;
}

/** FNV-1a, 32 bit, as 8 hex digits: short stable version tags. */
export function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
