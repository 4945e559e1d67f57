export { parseListing, looksLikeListing, listingVerdict, DEFAULT_LISTING_SELECTORS, type ListingLink, type ParsedListing } from './parse-listing';
export { findNextPage, pageNumber } from './paging';
export { findArticles, datesOfBlocks, type FoundListing, type DateContext } from './find-articles';
export { selectorError } from './selector';
