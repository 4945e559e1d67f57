import { createHash } from 'node:crypto';

/** Text as compared for identity: NFC, lower case, single spaces. */
export function normalizeForHash(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** sha256 hex of the normalised text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text), 'utf8').digest('hex');
}

/** sha256 hex of raw bytes or a string (index documents: unchanged → skip parsing). */
export function bytesHash(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
