import { Readability } from '@mozilla/readability';
import { parseHTML } from '../lazy-libs';
import type { ParsedDate, PlausibilityOptions } from './dates';
import { htmlToText, sanitizeArticleHtml } from './html-text';
import { choosePublished, dateCandidates, type DateFlag, type DateSource } from './published';

export interface ExtractInput {
  html: string;
  /** Final URL of the page (after redirects). */
  url: string;
  now: Date;
  /** Date and title the feed/sitemap/listing gave for this item, if any, and where the date came from. */
  hint?: { published?: ParsedDate | null; publishedSource?: DateSource | null; title?: string | null };
  /** Per-source CSS selector of the article body, when Readability picks the wrong block. */
  contentSelector?: string | null;
  notBefore?: Date;
  futureToleranceMs?: number;
}

export interface ExtractedArticle {
  title: string;
  /** Absolute canonical URL declared by the page, or the page URL. */
  canonicalUrl: string;
  published: ParsedDate | null;
  publishedSource: DateSource | null;
  /** Main text, paragraphs on separate lines, NFC. */
  text: string;
  /** Sanitised main-content HTML, safe to display. */
  html: string;
  flags: Array<DateFlag | 'no-title' | 'no-text'>;
  /** Identity hashes of `text`, when the extraction worker already computed them (off the main thread). */
  contentHash?: string;
  simhash?: string;
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = doc.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** A declared canonical pointing at the home page (a common CMS bug) is ignored. */
function canonicalOf(doc: Document, url: string): string {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
  if (!href) return url;
  try {
    const c = new URL(href, url);
    const page = new URL(url);
    if (c.protocol !== 'http:' && c.protocol !== 'https:') return url;
    if (c.pathname === '/' && page.pathname !== '/') return url;
    return c.href;
  } catch {
    return url;
  }
}

const CONTENT_SELECTORS = '[itemprop="articleBody"], article, .noidung, .content, .detail, #content, main';

function fallbackContent(doc: Document): string {
  for (const el of doc.querySelectorAll(CONTENT_SELECTORS)) {
    el.querySelectorAll('script, style, nav, aside, form').forEach((x: { remove(): void }) => x.remove());
    if ((el.textContent ?? '').trim().length >= 40) return el.innerHTML;
  }
  return '';
}

/** The elements a source's content selector names, joined; '' when it matches nothing (or does not parse). */
function selectedContent(doc: Document, selector: string): string {
  let els: Array<NonNullable<ReturnType<Document['querySelector']>>>;
  try {
    els = [...doc.querySelectorAll(selector)];
  } catch {
    return '';
  }
  const html = els
    .map((el) => {
      el.querySelectorAll('script, style, form').forEach((x: { remove(): void }) => x.remove());
      return el.innerHTML;
    })
    .join('\n');
  return html.replace(/<[^>]*>/g, '').trim() ? html : '';
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().normalize('NFC');

type Document = ReturnType<typeof parseHTML>['document'];

/** Article page → title, canonical URL, published time, main text and safe HTML. Pure. */
export function extractArticle(input: ExtractInput): ExtractedArticle {
  const { document } = parseHTML(input.html);
  const canonicalUrl = canonicalOf(document, input.url);
  const metaTitle = clean(meta(document, 'og:title', 'twitter:title')) || clean(document.querySelector('h1')?.textContent);
  const pageTitle = clean(document.querySelector('title')?.textContent);
  const bodyText = clean(document.body?.textContent);
  const candidates = dateCandidates(document as never, bodyText, input.url);

  // Readability mutates the DOM it reads: give it its own copy.
  const { document: copy } = parseHTML(input.html);
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    article = new Readability(copy as never, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  // Readability gives up on short pages; a marked-up content block is the next best thing.
  // A source's own content selector, when it matches, overrides both.
  const chosen = input.contentSelector ? selectedContent(document, input.contentSelector) : null;
  const contentHtml = chosen || article?.content || fallbackContent(document);
  const text = contentHtml ? htmlToText(contentHtml) : '';
  const title = clean(input.hint?.title) || metaTitle || clean(article?.title) || pageTitle;
  const pub = choosePublished(input.hint?.published ?? null, candidates, {
    now: input.now,
    notBefore: input.notBefore,
    futureToleranceMs: input.futureToleranceMs,
  } as PlausibilityOptions, input.hint?.publishedSource ?? 'feed');
  const flags: ExtractedArticle['flags'] = [...pub.flags];
  if (!title) flags.push('no-title');
  if (!text) flags.push('no-text');
  return {
    title,
    canonicalUrl,
    published: pub.published,
    publishedSource: pub.source,
    text,
    html: contentHtml ? sanitizeArticleHtml(contentHtml, input.url).trim() : '',
    flags,
  };
}
