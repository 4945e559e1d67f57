// The page images of a scanned PDF, as files tesseract reads: JPEG streams as they are, 8-bit
// Flate images as PNM. (JBIG2, CCITT fax and JPEG 2000 scans are not read: the import says so.)
import { inflateStream, pdfStreams } from './guard';

export interface PageImage {
  ext: 'jpg' | 'pnm';
  data: Uint8Array;
}

/** Scans beyond this many pages are not read by OCR (a plan has a few pages; OCR costs seconds a page). */
export const OCR_PAGE_LIMIT = 20;
const RAW_IMAGE_LIMIT = 64 * 1024 * 1024;

const num = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)`).exec(dict);
  return m ? Number(m[1]) : null;
};

export function pdfPageImages(bytes: Uint8Array): PageImage[] {
  const out: PageImage[] = [];
  let rawLeft = RAW_IMAGE_LIMIT;
  let last: { w: number; h: number } | null = null;
  for (const s of pdfStreams(bytes)) {
    if (out.length >= OCR_PAGE_LIMIT) break;
    if (!/\/Subtype\s*\/Image/.test(s.dict) || /\/ImageMask\s+true/.test(s.dict)) continue;
    const w = num(s.dict, 'Width');
    const h = num(s.dict, 'Height');
    if (!w || !h || w < 300 || h < 300) continue; // logos, seals, soft masks of small pictures
    if (/\/DCTDecode/.test(s.dict)) {
      out.push({ ext: 'jpg', data: s.data });
      last = { w, h };
      continue;
    }
    if (!/\/FlateDecode/.test(s.dict) || /\/Predictor/.test(s.dict)) continue;
    const bpc = num(s.dict, 'BitsPerComponent') ?? 8;
    const gray = /\/DeviceGray|\/CalGray/.test(s.dict);
    const rgb = /\/DeviceRGB|\/CalRGB/.test(s.dict);
    if (gray && last && last.w === w && last.h === h) continue; // the soft mask (transparency) of the image before
    if (bpc !== 8 || !(gray || rgb)) continue;
    const pixels = inflateStream(s.data, rawLeft);
    if (!pixels) break;
    rawLeft -= pixels.length;
    const expected = w * h * (rgb ? 3 : 1);
    if (pixels.length < expected) continue;
    const header = Buffer.from(`${rgb ? 'P6' : 'P5'}\n${w} ${h}\n255\n`, 'latin1');
    out.push({ ext: 'pnm', data: Buffer.concat([header, pixels.subarray(0, expected)]) });
    last = { w, h };
  }
  return out;
}
