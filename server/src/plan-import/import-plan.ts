// The one path from an uploaded document to a parsed plan: used by the API and the CLI.
// On this thread only cheap checks and child-process waits; parsing runs in the parse worker.
import type { ParsedPlan } from '@tdtt/shared';
import type { NamedEvent } from '@tdtt/shared/plan';
import { convertToDocx, ocrImages } from './external';
import { sniffFormat, type DocFormat } from './extract';
import { parseIsolated } from './isolated';
import { fail, type ImportErrorCode, type ImportFailure } from './parse-document';

export type { ImportErrorCode, ImportFailure } from './parse-document';
export type ImportResult = { ok: true; plan: ParsedPlan; text: string; format: DocFormat; ocr: boolean } | ImportFailure;

export interface ImportOptions {
  maxBytes?: number;
  namedEvents?: readonly NamedEvent[];
  parentDate?: string;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export const OCR_FLAG = { field: 'source', message: 'Văn bản được nhận dạng từ ảnh quét (OCR): chữ có thể sai, cần đối chiếu với bản gốc trước khi lưu.' };

const FORMAT_NAME: Record<'doc' | 'odt' | 'rtf', string> = { doc: 'Word 97-2003 (.doc)', odt: 'OpenDocument (.odt)', rtf: 'RTF' };

export async function importPlanDocument(bytes: Uint8Array, filename: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > max) {
    return fail('too-large', `Tệp quá lớn (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB): giới hạn là ${(max / 1024 / 1024).toFixed(0)} MB.`);
  }
  if (bytes.byteLength === 0) return fail('empty', 'Tệp rỗng: không có nội dung để nhập.');
  const format = sniffFormat(bytes, filename);
  let doc = bytes;
  if (format === 'doc' || format === 'odt' || format === 'rtf') {
    const c = await convertToDocx(bytes, format);
    if (!c.ok) {
      if (c.reason === 'missing') return fail('unsupported-format', `Máy chủ chưa cài LibreOffice nên chưa đọc được tệp ${FORMAT_NAME[format]}: hãy lưu lại thành .docx hoặc PDF, hoặc dán nội dung văn bản.`);
      if (c.reason === 'timeout') return fail('too-slow', `Chuyển đổi tệp ${FORMAT_NAME[format]} quá lâu nên đã dừng: hãy lưu lại thành .docx hoặc PDF.`);
      return fail('unreadable', `Không đọc được tệp ${FORMAT_NAME[format]}: tệp hỏng hoặc không đúng định dạng.`);
    }
    doc = c.value;
  }
  const parseOpts = { namedEvents: opts.namedEvents, parentDate: opts.parentDate };
  const r = await parseIsolated({ bytes: doc, filename: converted(filename, format), ...parseOpts });
  if (r.ok) return { ...r, format, ocr: false };
  if (r.code !== 'needs-ocr') return r;
  const ocr = await ocrImages(r.images);
  if (!ocr.ok) {
    if (ocr.reason === 'missing') return fail('scanned-pdf', 'Tệp PDF là bản scan (không có lớp chữ) và máy chủ chưa cài tesseract để nhận dạng chữ: hãy dùng bản Word hoặc PDF có chữ, hoặc dán nội dung văn bản.');
    if (ocr.reason === 'timeout') return fail('too-slow', 'Nhận dạng chữ (OCR) bản scan quá lâu nên đã dừng: hãy dùng bản Word hoặc PDF có chữ.');
    return fail('scanned-pdf', 'Tệp PDF là bản scan và không nhận dạng được chữ trong ảnh: hãy dùng bản Word hoặc PDF có chữ, hoặc dán nội dung văn bản.');
  }
  const t = await parseIsolated({ text: ocr.value, filename, ...parseOpts });
  if (!t.ok) return t.code === 'needs-ocr' ? fail('scanned-pdf', 'Không nhận dạng được chữ trong bản scan.') : t;
  return { ok: true, plan: { ...t.plan, flags: [OCR_FLAG, ...t.plan.flags] }, text: t.text, format: 'pdf', ocr: true };
}

/** After conversion by LibreOffice the bytes are a .docx whatever the upload was called. */
function converted(filename: string, format: DocFormat): string {
  return format === 'doc' || format === 'odt' || format === 'rtf' ? filename.replace(/\.[^.]*$/, '') + '.docx' : filename;
}

/** Plan text parsed again (e.g. with the parent's date found afterwards), in the parse worker too. */
export async function parsePlanTextIsolated(text: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const r = await parseIsolated({ text, filename: 'van-ban.txt', namedEvents: opts.namedEvents, parentDate: opts.parentDate });
  if (r.ok) return { ...r, ocr: false };
  return r.code === 'needs-ocr' ? fail('parse-failed', 'Không phân tích được văn bản.') : r;
}

/** HTTP status for a failed import: 413 too large, 415 unreadable/scan/binary, 422 not a plan or too complex to parse. */
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
