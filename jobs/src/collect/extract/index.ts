export { extractArticle, type ExtractInput, type ExtractedArticle } from './extract-article';
export { parseDate, parseVietnameseDate, toVnIso, checkPlausible, VN_OFFSET_MIN, type ParsedDate, type PlausibilityOptions, type DatePlausibility } from './dates';
export { choosePublished, dateCandidates, type DateFlag, type DateSource, type PublishedResult } from './published';
export { htmlToText, sanitizeArticleHtml } from './html-text';
export { ExtractPool, type ExtractPoolOptions } from './worker-pool';
