// The parsing libraries of the collectors, loaded on first use: the server imports the collectors'
// helpers (errors, URL canonicalisation, hashes) for its routes, and should not hold ~40 MB of HTML,
// feed and XML parsers in memory until it actually collects.
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');
type RssParser = typeof import('rss-parser');
type SanitizeHtml = typeof import('sanitize-html');
type FastXmlParser = typeof import('fast-xml-parser');
type Iconv = typeof import('iconv-lite');

const require = createRequire(import.meta.url);

function lazy<T>(name: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= require(name) as T);
}

export const linkedom = lazy<Linkedom>('linkedom');
export const rssParser = lazy<RssParser>('rss-parser');
export const sanitizeHtml = lazy<SanitizeHtml>('sanitize-html');
export const fastXmlParser = lazy<FastXmlParser>('fast-xml-parser');
export const iconv = lazy<Iconv>('iconv-lite');

/** linkedom's parser (what every HTML reader here calls). */
export function parseHTML(html: string): ReturnType<Linkedom['parseHTML']> {
  return linkedom().parseHTML(html);
}
