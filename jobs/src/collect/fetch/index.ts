export { fetchResource, type FetchResult } from './fetch-resource';
export { FetchError, FETCH_ERROR_KINDS, type FetchErrorKind, toFetchError, isRetryable, statusMessage } from './errors';
export { DEFAULT_USER_AGENT, ROBOTS_TOKEN, resolveOptions, type FetchOptions, type ResolvedFetchOptions } from './options';
export { HostLimiter, Semaphore, type LimiterOptions, type RequestLimiter } from './limiter';
export { RobotsCache } from './robots-cache';
export { parseRobots, isPathAllowed, type RobotsRules } from './robots';
export { isPublicAddress, isAllowlisted, addressAllowed } from './ssrf';
export { decodeBody, isKnownCharset, charsetFromContentType, sniffDeclaredCharset, type Decoded } from './charset';
export { parseRetryAfter, backoffMs } from './retry-after';
