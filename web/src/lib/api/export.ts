// Coverage table export (XLSX/CSV): a file download, not JSON, so it reads the body as bytes with progress.
import { buildPath } from './client';
import { ApiError } from './errors';

/** csv-vn: semicolons and decimal commas for Excel set to Vietnamese. */
export type ExportFormat = 'xlsx' | 'csv' | 'csv-vn';

export interface ExportQuery {
  plan?: string | null;
  /** YYYY-MM; or one of quarter (YYYY-Qn), year (YYYY), from+to (YYYY-MM-DD). */
  month?: string | null;
  quarter?: string | null;
  year?: string | null;
  from?: string | null;
  to?: string | null;
  /** Export this unit's subtree only. */
  unit?: string | null;
  format: ExportFormat;
}

export function exportPath(q: ExportQuery): string {
  return buildPath('/api/export/coverage', { plan: q.plan, month: q.month, quarter: q.quarter, year: q.year, from: q.from, to: q.to, unit: q.unit, format: q.format });
}

/** The Vietnamese file name from `filename*` (RFC 5987), else `filename`, else a fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // malformed: fall through
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

export interface ExportProgress {
  phase: 'preparing' | 'downloading';
  received: number;
  /** Bytes expected, 0 when the server did not say. */
  total: number;
}

/** Fetches the file, reporting progress; resolves to its bytes and name. Throws ApiError on failure. */
export async function fetchExport(
  q: ExportQuery,
  onProgress: (p: ExportProgress) => void = () => undefined,
  fetchFn: typeof fetch = fetch,
): Promise<{ blob: Blob; fileName: string }> {
  onProgress({ phase: 'preparing', received: 0, total: 0 });
  let res: Response;
  try {
    res = await fetchFn(exportPath(q), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!res.ok) {
    const payload = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, payload?.error?.code ?? `http_${res.status}`, payload?.error?.message ?? '');
  }
  const total = Number(res.headers.get('content-length') ?? 0) || 0;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ phase: 'downloading', received, total });
    }
  } else {
    chunks.push(new Uint8Array(await res.arrayBuffer()));
  }
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  const fileName = fileNameFrom(res.headers.get('content-disposition'), `bang-bao-phu.${q.format}`);
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName };
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
