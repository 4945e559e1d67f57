// Content that arrived but cannot be used, as a closed set (fetch failures are FetchError).

export const PARSE_ERROR_KINDS = ['html-not-feed', 'malformed-xml', 'not-a-feed', 'not-a-sitemap', 'unknown-format', 'extract-failed'] as const;
export type ParseErrorKind = (typeof PARSE_ERROR_KINDS)[number];

export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly kind: ParseErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Does the text look like an HTML document rather than XML? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  return /^<!doctype\s+html/i.test(head) || /^<html[\s>]/i.test(head) || (/^<(head|body|meta|div)[\s>]/i.test(head));
}

/** Remove characters XML 1.0 forbids (control chars, U+FFFE/FFFF, lone surrogates). */
export function stripIllegalXmlChars(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Escape bare ampersands (common in hand-made feeds) so strict XML parsers accept them. */
export function escapeBareAmpersands(text: string): string {
  return text.replace(/&(?!(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)/g, '&amp;');
}
