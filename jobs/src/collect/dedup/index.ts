export { canonicalizeUrl, siteKey } from './canonical-url';
export { contentHash, bytesHash, normalizeForHash } from './hash';
export { simhash, hammingDistance, isNearDuplicate, words, hash64 } from './simhash';
