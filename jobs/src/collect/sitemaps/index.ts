export { parseSitemap, type ParsedSitemap, type SitemapEntry } from './parse-sitemap';
