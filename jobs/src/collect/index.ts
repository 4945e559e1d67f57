export * from './fetch';
export * from './feeds';
export * from './sitemaps';
export * from './listing';
export * from './extract';
export * from './dedup';
export * from './poll';
export * from './detect';
export { ParseError, PARSE_ERROR_KINDS, type ParseErrorKind, looksLikeHtml, stripIllegalXmlChars } from './parse-error';
