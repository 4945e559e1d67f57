// Document bytes → plain text, by format (sniffed from the bytes first, the file name second).
// Runs inside the parse worker (parse-document.ts): the libraries may take memory and time.
import { docxHtmlToText } from './docx-html';

export type DocFormat = 'pdf' | 'docx' | 'txt' | 'doc' | 'odt' | 'rtf';

export function sniffFormat(bytes: Uint8Array, filename: string): DocFormat {
  const ext = filename.toLowerCase().split('.').pop();
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf'; // %PDF
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // PK zip: OpenDocument names its type in the first (stored) entry "mimetype".
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).toString('latin1');
    return head.includes('application/vnd.oasis.opendocument.text') || ext === 'odt' ? 'odt' : 'docx';
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'doc'; // OLE: Word 97-2003
  if (bytes[0] === 0x7b && bytes[1] === 0x5c && bytes[2] === 0x72 && bytes[3] === 0x74) return 'rtf'; // {\rt
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  return 'txt';
}

/** Word text through mammoth's HTML, so automatic list numbering and bullets survive. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  // Document libraries load on the first import, not with every server start.
  const { default: mammoth } = await import('mammoth');
  const r = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { ignoreEmptyParagraphs: false });
  return docxHtmlToText(r.value);
}

/** Text layer of a PDF, pages separated by form feeds (page breaks). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const r = await extractText(doc, { mergePages: false });
    return (r.text as string[]).join('\n\f\n');
  } finally {
    await doc.destroy();
  }
}
