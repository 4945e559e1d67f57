// Vietnamese number style: "1.234,5".
const cache = new Map<number, Intl.NumberFormat>();

function nf(digits: number): Intl.NumberFormat {
  let f = cache.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: digits });
    cache.set(digits, f);
  }
  return f;
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return nf(digits).format(value);
}

/** A 0–100 score, one decimal at most. */
export function formatScore(value: number | null | undefined): string {
  return formatNumber(value, 1);
}

/** Signed change, e.g. "+5,2" / "−3" / "0". */
export function formatDelta(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  if (rounded === 0) return '0';
  return (rounded > 0 ? '+' : '−') + nf(digits).format(Math.abs(rounded));
}

export function formatPercent(part: number, whole: number): string {
  if (!whole) return '—';
  return `${formatNumber((part / whole) * 100, 0)}%`;
}
