export { LANDING_SCHEMA_SQL, ensureLandingSchema } from './schema';
export { PgLandingStore, withState } from './landing-store';
export { PgHostLimiter, type PgHostLimiterOptions } from './host-limiter';
export { COLLECT_QUEUE, DEFAULT_QUEUE_TIMING, openQueue, enqueueSources, queueTiming, type CollectJobData, type QueueTiming } from './collect-queue';
export { startCollector, type CollectorOptions, type CollectorHandle } from './collector';
export {
  publishSources, dueSourceIds, unseededUnits, seedKnownUrls, landedPosts, landedFetches, changedStates, pruneLanded,
  START_MARK, formatMark, parseMark, type PublishedSource, type Landed, type Mark,
} from './landing-reader';
