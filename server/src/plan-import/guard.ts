// Decompression budgets checked before a document library sees the bytes: a zip bomb (.docx/.odt)
// or a PDF whose streams inflate to hundreds of megabytes is refused after at most
// DECOMPRESSED_LIMIT bytes of work, never after the library has built it all in memory.
import { constants, inflateRawSync, inflateSync } from 'node:zlib';

export const DECOMPRESSED_LIMIT = 64 * 1024 * 1024;
/** Paragraphs of a Word document (a real plan has a few hundred). */
export const PARAGRAPH_LIMIT = 20_000;

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const vi = (n: number) => n.toLocaleString('vi-VN');

export type GuardResult = { ok: true } | { ok: false; message: string };
const tooBig = (what: string): GuardResult => ({ ok: false, message: `${what} khi giải nén vượt giới hạn ${MB(DECOMPRESSED_LIMIT)}: có thể là tệp hỏng hoặc “bom nén”, không đọc tiếp.` });

/** Inflates at most `budget` bytes; null when the data would grow beyond it. Corrupt data → empty. */
function inflateCapped(data: Buffer, budget: number, raw: boolean): Buffer | null {
  try {
    const opts = { maxOutputLength: Math.max(1, budget), finishFlush: constants.Z_SYNC_FLUSH };
    return raw ? inflateRawSync(data, opts) : inflateSync(data, opts);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return null;
    return Buffer.alloc(0); // the document library reports what is broken
  }
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/**
 * Every entry of a zip, inflated within the budget (sizes written in the headers are not trusted:
 * each entry is inflated with a cap). Null when the budget is exceeded.
 */
export function unzipCapped(bytes: Uint8Array, budget = DECOMPRESSED_LIMIT): ZipEntry[] | null | 'broken' {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) return 'broken';
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  let left = budget;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return 'broken';
    const method = buf.readUInt16LE(at + 10);
    const csize = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return 'broken';
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, Math.min(buf.length, start + csize));
    const data = method === 0 ? raw : method === 8 ? inflateCapped(raw, left + 1, true) : Buffer.alloc(0);
    if (data === null || data.length > left) return null;
    left -= data.length;
    out.push({ name, data });
  }
  return out;
}

/** Paragraph elements (<w:p> / <w:p …>) in a WordprocessingML part; <w:pPr> etc. are not counted. */
export function countParagraphs(xml: Buffer): number {
  let n = 0;
  const needle = Buffer.from('<w:p');
  for (let i = xml.indexOf(needle); i >= 0; i = xml.indexOf(needle, i + 4)) {
    const c = xml[i + 4];
    if (c === 0x3e || c === 0x20 || c === 0x2f) n++; // '>', ' ', '/'
  }
  return n;
}

/** A .docx: within the decompression budget and the paragraph limit. */
export function guardDocx(bytes: Uint8Array): GuardResult {
  const entries = unzipCapped(bytes);
  if (entries === 'broken') return { ok: true }; // mammoth says it cannot read it
  if (entries === null) return tooBig('Tệp Word');
  const paragraphs = entries.filter((e) => /^word\/(?:document|footnotes|endnotes)\d*\.xml$/.test(e.name)).reduce((s, e) => s + countParagraphs(e.data), 0);
  if (paragraphs > PARAGRAPH_LIMIT) return { ok: false, message: `Tệp Word có ${vi(paragraphs)} đoạn văn: giới hạn là ${vi(PARAGRAPH_LIMIT)} đoạn cho một kế hoạch.` };
  return { ok: true };
}

export interface PdfStream {
  dict: string;
  data: Buffer;
}

/** The streams of a PDF with their dictionaries, raw (not decoded). Linear in the file size. */
export function pdfStreams(bytes: Uint8Array): PdfStream[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: PdfStream[] = [];
  const kw = Buffer.from('stream');
  const end = Buffer.from('endstream');
  let i = buf.indexOf(kw);
  while (i >= 0) {
    if (buf.subarray(i - 3, i).toString('latin1') === 'end') {
      i = buf.indexOf(kw, i + 6);
      continue;
    }
    let s = i + 6;
    if (buf[s] === 0x0d) s++;
    if (buf[s] === 0x0a) s++;
    const dictStart = buf.lastIndexOf('<<', i);
    const dict = dictStart >= 0 && i - dictStart < 4096 ? buf.toString('latin1', dictStart, i) : '';
    const e = buf.indexOf(end, s);
    if (e < 0) break;
    let dataEnd = e;
    if (buf[dataEnd - 1] === 0x0a) dataEnd--;
    if (buf[dataEnd - 1] === 0x0d) dataEnd--;
    out.push({ dict, data: buf.subarray(s, dataEnd) });
    i = buf.indexOf(kw, e + 9);
  }
  return out;
}

/** Inflates a Flate stream within a budget; null when over it. */
export function inflateStream(data: Buffer, budget: number): Buffer | null {
  return inflateCapped(data, budget + 1, false);
}

/** A PDF whose Flate streams together stay within the decompression budget. */
export function guardPdf(bytes: Uint8Array): GuardResult {
  let left = DECOMPRESSED_LIMIT;
  for (const s of pdfStreams(bytes)) {
    if (!/\/FlateDecode|\/Fl\b/.test(s.dict)) continue;
    const out = inflateStream(s.data, left);
    if (out === null || out.length > left) return tooBig('Tệp PDF');
    left -= out.length;
  }
  return { ok: true };
}
