import { foldAccents } from '@tdtt/shared/text';
import type { ExportData } from './types';

export type ExportFormat = 'xlsx' | 'csv' | 'csv-vn';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  'csv-vn': 'text/csv; charset=utf-8',
};

/** The file's extension: both CSV variants are .csv (the Vietnamese one is named "(Excel VN)"). */
export function fileExtension(format: ExportFormat): string {
  return format === 'xlsx' ? 'xlsx' : 'csv';
}

/** "Bảng bao phủ - 45-KH-TU - 2025-03.xlsx": readable Vietnamese, no path separators or control characters. */
export function exportFileName(data: Pick<ExportData, 'plan' | 'period'>, format: ExportFormat, what = 'Bảng bao phủ'): string {
  const plan = (data.plan.code ?? data.plan.title).normalize('NFC');
  const base = `${what} - ${plan} - ${data.period.slug}${format === 'csv-vn' ? ' (Excel VN)' : ''}`
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .slice(0, 150)
    .trim();
  return `${base}.${fileExtension(format)}`;
}

/** The same name folded to ASCII for clients that ignore `filename*`. */
export function asciiFileName(name: string): string {
  return foldAccents(name)
    .replace(/[^A-Za-z0-9._ -]+/g, '-')
    .replace(/ /g, '_');
}

/** RFC 5987 value-chars: percent-encoded UTF-8, attr-char kept. */
export function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Content-Disposition with an ASCII `filename` and the Vietnamese `filename*` (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
