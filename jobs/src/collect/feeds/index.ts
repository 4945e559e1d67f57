export { parseFeed, type FeedItem, type ParsedFeed } from './parse-feed';
export { discoverFeeds, sitemapsFromRobots, type DiscoveredSource } from './discover';
