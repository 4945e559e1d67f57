import { iconv } from '../lazy-libs';

// Bytes → text. Order as browsers do: BOM, then the HTTP header, then an
// in-document declaration (<meta charset>, <?xml encoding?>), then UTF-8.

export interface Decoded {
  text: string;
  charset: string;
  source: 'bom' | 'header' | 'meta' | 'xml-decl' | 'default' | 'override';
}

function bomCharset(b: Uint8Array): [string, number] | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return ['utf-8', 3];
  if (b[0] === 0xff && b[1] === 0xfe) return ['utf-16le', 2];
  if (b[0] === 0xfe && b[1] === 0xff) return ['utf-16be', 2];
  return null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/** Declared charset inside the first bytes of an HTML or XML document. */
export function sniffDeclaredCharset(b: Uint8Array): { charset: string; source: 'meta' | 'xml-decl' } | null {
  // The head is ASCII-compatible in every encoding we would honour here.
  const head = Buffer.from(b.subarray(0, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return { charset: xml[1]!.toLowerCase(), source: 'xml-decl' };
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (meta) return { charset: meta[1]!.toLowerCase(), source: 'meta' };
  return null;
}

/** Does iconv know this charset name (a source's encoding override is checked with it)? */
export function isKnownCharset(cs: string): boolean {
  return usable(cs.trim().toLowerCase()) !== null;
}

function usable(cs: string | null | undefined): string | null {
  if (!cs) return null;
  const c = cs === 'utf-16' ? 'utf-16le' : cs;
  return iconv().encodingExists(c) ? c : null;
}

/** Decode a body; the result is NFC (windows-1258 yields combining marks). `forced`: a source's own charset, above all declarations. */
export function decodeBody(bytes: Uint8Array, contentType?: string | null, forced?: string | null): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const own = usable(forced?.toLowerCase());
  if (own) return { text: iconv().decode(buf, own).normalize('NFC'), charset: own, source: 'override' };
  const bom = bomCharset(buf);
  if (bom) return { text: iconv().decode(buf.subarray(bom[1]), bom[0]).normalize('NFC'), charset: bom[0], source: 'bom' };
  let charset = usable(charsetFromContentType(contentType));
  let source: Decoded['source'] = 'header';
  if (!charset) {
    const declared = sniffDeclaredCharset(buf);
    charset = usable(declared?.charset);
    source = declared?.source ?? 'default';
    // A UTF-16 declaration read as ASCII cannot be right: the bytes say otherwise.
    if (charset?.startsWith('utf-16')) charset = null;
  }
  if (!charset) {
    charset = 'utf-8';
    source = 'default';
  }
  return { text: iconv().decode(buf, charset).normalize('NFC'), charset, source };
}
