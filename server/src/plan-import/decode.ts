// Bytes of a .txt upload → text: UTF-8, UTF-16 with BOM, windows-1258 fallback.
import { iconv } from '@tdtt/jobs/collect';

export function decodeText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv().decode(buf.subarray(2), 'utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv().decode(buf.subarray(2), 'utf16be');
  // UTF-16 without a BOM: Vietnamese text still has a NUL in most high bytes.
  const n = Math.min(buf.length, 4000);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i++) if (buf[i] === 0 && i % 2) zeroOdd++;
    else if (buf[i] === 0) zeroEven++;
  if (n >= 20 && zeroOdd > n * 0.3 && zeroEven < n * 0.05) return iconv().decode(buf, 'utf16le');
  if (n >= 20 && zeroEven > n * 0.3 && zeroOdd < n * 0.05) return iconv().decode(buf, 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv().decode(buf, 'windows-1258');
  }
}
