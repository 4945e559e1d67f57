import type { SourceKind } from '../../ports';
import { looksLikeHtml } from '../parse-error';
import { listingVerdict, parseListing } from '../listing/parse-listing';

// What a fetched document is, from its bytes, not its URL or content type
// (servers label feeds text/html and pages text/xml).

export function detectSourceKind(text: string, contentType: string | null = null, url = 'https://unknown.invalid/'): SourceKind | 'unknown' {
  const head = text.slice(0, 8192).replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').trimStart();
  if (/^<(urlset|sitemapindex)[\s>]/i.test(head)) return 'sitemap';
  if (/^<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return 'feed';
  if (looksLikeHtml(text) || /html/i.test(contentType ?? '')) {
    // Repeated article blocks and no article body: a section page, whatever its meta tags say.
    const listing = parseListing(text, url);
    if (listingVerdict(listing)) return 'listing';
    if (isArticlePage(text)) return 'page';
    // No article list at all, but some text: a short article (a notice, an announcement).
    if (listing.links.length < 2 && /<p[^>]*>[^<]{40,}/i.test(text)) return 'page';
    return 'listing';
  }
  if (/^</.test(head)) return 'unknown';
  return 'unknown';
}

/** Article signals: og:type article, article:published_time, a NewsArticle JSON-LD, or one long <article>. */
export function isArticlePage(html: string): boolean {
  const head = html.slice(0, 200_000);
  if (/<meta[^>]+property=["']og:type["'][^>]+content=["']article["']/i.test(head)) return true;
  if (/<meta[^>]+content=["']article["'][^>]+property=["']og:type["']/i.test(head)) return true;
  if (/article:published_time/i.test(head)) return true;
  if (/"@type"\s*:\s*"(News)?Article"/i.test(head)) return true;
  // Several long paragraphs under a single <h1>: an article without markup.
  if ((head.match(/<h1[\s>]/gi)?.length ?? 0) === 1 && (head.match(/<p[^>]*>[^<]{150,}/gi)?.length ?? 0) >= 3) return true;
  const articles = head.match(/<article[\s>]/gi)?.length ?? 0;
  if (articles === 1) {
    const body = /<article[\s>][\s\S]*?<\/article>/i.exec(head)?.[0] ?? '';
    return (body.match(/<p[\s>]/gi)?.length ?? 0) >= 3;
  }
  return false;
}
