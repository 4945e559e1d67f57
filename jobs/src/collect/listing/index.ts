export { parseListing, DEFAULT_LISTING_SELECTORS, type ListingLink, type ParsedListing } from './parse-listing';
