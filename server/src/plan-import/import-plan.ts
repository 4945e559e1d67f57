// The one path from an uploaded document to a parsed plan: used by the API and the CLI.
import type { ParsedPlan } from '@tdtt/shared';
import { parsePlan, type NamedEvent } from '@tdtt/shared/plan';
import { docxText, pdfText, sniffFormat, type DocFormat } from './extract';
import { decodeText } from './decode';

export type ImportErrorCode = 'too-large' | 'empty' | 'not-text' | 'not-a-plan' | 'parse-failed' | 'scanned-pdf' | 'unreadable' | 'unsupported-format';

export type ImportFailure = { ok: false; code: ImportErrorCode; message: string };
export type ImportResult = { ok: true; plan: ParsedPlan; text: string; format: DocFormat } | ImportFailure;

export interface ImportOptions {
  maxBytes?: number;
  namedEvents?: readonly NamedEvent[];
  parentDate?: string;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const fail = (code: ImportErrorCode, message: string): ImportFailure => ({ ok: false, code, message });

export async function documentText(bytes: Uint8Array, filename: string): Promise<{ ok: true; text: string; format: DocFormat } | ImportFailure> {
  const format = sniffFormat(bytes, filename);
  if (format === 'doc' || format === 'rtf')
    return fail('unsupported-format', `Chưa đọc được tệp ${format === 'doc' ? 'Word 97-2003 (.doc)' : 'RTF'}: hãy lưu lại thành .docx hoặc PDF, hoặc dán nội dung văn bản.`);
  try {
    if (format === 'pdf') {
      const text = await pdfText(bytes);
      if (text.replace(/\s+/g, '').length < 20)
        return fail('scanned-pdf', 'Tệp PDF không có lớp chữ (có thể là bản scan): hãy dùng bản Word hoặc PDF có chữ, hoặc dán nội dung văn bản.');
      return { ok: true, text, format };
    }
    if (format === 'docx') return { ok: true, text: await docxText(bytes), format };
    return { ok: true, text: decodeText(bytes), format };
  } catch {
    const what = format === 'pdf' ? 'PDF' : format === 'docx' ? 'Word (.docx)' : 'văn bản';
    return fail('unreadable', `Không đọc được tệp ${what}: tệp hỏng hoặc không đúng định dạng.`);
  }
}

export async function importPlanDocument(bytes: Uint8Array, filename: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > max) {
    return fail('too-large', `Tệp quá lớn (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB): giới hạn là ${(max / 1024 / 1024).toFixed(0)} MB.`);
  }
  if (bytes.byteLength === 0) return fail('empty', 'Tệp rỗng: không có nội dung để nhập.');
  const doc = await documentText(bytes, filename);
  if (!doc.ok) return doc;
  const r = parsePlan(doc.text, { namedEvents: opts.namedEvents, parentDate: opts.parentDate });
  if (!r.ok) return fail(r.error.code, r.error.message);
  return { ok: true, plan: r.plan, text: doc.text, format: doc.format };
}

/** HTTP status for a failed import: 413 too large, 415 unreadable/scan/binary, 422 not a plan. */
export function importErrorStatus(code: ImportErrorCode): 400 | 413 | 415 | 422 {
  switch (code) {
    case 'too-large':
      return 413;
    case 'not-text':
    case 'unreadable':
    case 'scanned-pdf':
    case 'unsupported-format':
      return 415;
    case 'empty':
      return 400;
    default:
      return 422;
  }
}
