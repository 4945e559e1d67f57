import { describe, expect, it } from 'vitest';
import { detectSourceKind } from './detect-kind';

const longP = '<p>' + 'Nội dung bài viết dài về hội nghị học tập Nghị quyết của Đảng bộ huyện. '.repeat(4) + '</p>';

describe('detectSourceKind', () => {
  const cases: Array<[string, string, string | null, string]> = [
    ['RSS', '<?xml version="1.0"?>\n<!-- x --><rss version="2.0"><channel/></rss>', 'text/html', 'feed'],
    ['Atom', '\uFEFF<feed xmlns="http://www.w3.org/2005/Atom"></feed>', null, 'feed'],
    ['RDF', '<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', null, 'feed'],
    ['sitemap', '<?xml version="1.0"?><urlset xmlns="x"></urlset>', 'text/xml', 'sitemap'],
    ['sitemap index', '<sitemapindex></sitemapindex>', null, 'sitemap'],
    ['og:type article', '<!doctype html><html><head><meta property="og:type" content="article"></head></html>', null, 'page'],
    ['JSON-LD NewsArticle', '<html><script type="application/ld+json">{"@type": "NewsArticle"}</script></html>', null, 'page'],
    ['plain article', `<!doctype html><html><body><h1>Tin</h1>${longP}${longP}${longP}</body></html>`, null, 'page'],
    ['listing', '<!doctype html><html><body><ul><li><a href="/1">Tin 1</a></li><li><a href="/2">Tin 2</a></li></ul></body></html>', null, 'listing'],
    ['JSON', '{"a":1}', 'application/json', 'unknown'],
    ['other XML', '<?xml version="1.0"?><note/>', 'application/xml', 'unknown'],
  ];
  it.each(cases)('%s → %s', (_n, text, ct, kind) => expect(detectSourceKind(text, ct)).toBe(kind));
});
