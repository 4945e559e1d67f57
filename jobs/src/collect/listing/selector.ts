import { parseHTML } from '../lazy-libs';

// A CSS selector an admin typed, checked with the same engine the collector reads pages with
// (linkedom → css-select), plus what that engine lets through but cannot mean anything.

let probe: ReturnType<typeof parseHTML>['document'] | null = null;

/** Why this selector cannot be used (Vietnamese), or null when it is valid. */
export function selectorError(selector: string): string | null {
  const s = selector.trim();
  if (!s) return 'bộ chọn CSS trống';
  if (/(^|[^\\])\.\.|[>+~]\s*$|^\s*[>+~]|,\s*$|^,/.test(s)) return `bộ chọn CSS không hợp lệ: "${s}"`;
  probe ??= parseHTML('<!doctype html><html><body><div><a href="/">x</a></div></body></html>').document;
  try {
    probe.querySelectorAll(s);
    return null;
  } catch (e) {
    return `bộ chọn CSS không hợp lệ: "${s}" (${(e as Error).message})`;
  }
}
