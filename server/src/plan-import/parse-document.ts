// Inside the parse worker: document bytes (or text) → parsed plan, with the decompression and
// size limits checked before each library runs. Never called on the server's main thread.
import type { ParsedPlan } from '@tdtt/shared';
import { parsePlan, type NamedEvent } from '@tdtt/shared/plan';
import { decodeText } from './decode';
import { docxText, pdfText, sniffFormat, type DocFormat } from './extract';
import { guardDocx, guardPdf } from './guard';
import { pdfPageImages, type PageImage } from './pdf-images';

export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  | 'not-text'
  | 'not-a-plan'
  | 'parse-failed'
  | 'scanned-pdf'
  | 'unreadable'
  | 'unsupported-format'
  | 'too-complex'
  | 'too-slow';

export type ImportFailure = { ok: false; code: ImportErrorCode; message: string };

export interface ParseInput {
  /** The document, or `text` when it is already text (pasted, or read by OCR). */
  bytes?: Uint8Array;
  text?: string;
  filename: string;
  namedEvents?: readonly NamedEvent[];
  parentDate?: string;
}

export type ParseOutput =
  | { ok: true; plan: ParsedPlan; text: string; format: DocFormat }
  | ImportFailure
  /** A PDF without a text layer: its page images, for OCR by the caller. */
  | { ok: false; code: 'needs-ocr'; images: PageImage[] };

export const fail = (code: ImportErrorCode, message: string): ImportFailure => ({ ok: false, code, message });

const SCANNED = 'Tệp PDF không có lớp chữ (bản scan) và không nhận dạng được chữ trong ảnh: hãy dùng bản Word hoặc PDF có chữ, hoặc dán nội dung văn bản.';

async function documentText(bytes: Uint8Array, format: DocFormat): Promise<{ ok: true; text: string } | Exclude<ParseOutput, { ok: true }>> {
  try {
    if (format === 'pdf') {
      const g = guardPdf(bytes);
      if (!g.ok) return fail('too-large', g.message);
      const text = await pdfText(bytes);
      if (text.replace(/\s+/g, '').length >= 20) return { ok: true, text };
      const images = pdfPageImages(bytes);
      return images.length > 0 ? { ok: false, code: 'needs-ocr', images } : fail('scanned-pdf', SCANNED);
    }
    if (format === 'docx') {
      const g = guardDocx(bytes);
      if (!g.ok) return fail('too-large', g.message);
      return { ok: true, text: await docxText(bytes) };
    }
    return { ok: true, text: decodeText(bytes) };
  } catch {
    const what = format === 'pdf' ? 'PDF' : format === 'txt' ? 'văn bản' : 'Word';
    return fail('unreadable', `Không đọc được tệp ${what}: tệp hỏng hoặc không đúng định dạng.`);
  }
}

export async function parseDocument(input: ParseInput): Promise<ParseOutput> {
  let text = input.text;
  const format: DocFormat = input.bytes ? sniffFormat(input.bytes, input.filename) : 'txt';
  if (text === undefined) {
    if (format === 'doc' || format === 'odt' || format === 'rtf') return fail('unsupported-format', 'Tệp cần được chuyển đổi trước khi đọc.');
    const doc = await documentText(input.bytes ?? new Uint8Array(), format);
    if (!doc.ok) return doc;
    text = doc.text;
  }
  const r = parsePlan(text, { namedEvents: input.namedEvents, parentDate: input.parentDate });
  if (!r.ok) return fail(r.error.code, r.error.message);
  return { ok: true, plan: r.plan, text, format };
}
