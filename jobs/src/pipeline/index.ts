export { collectSource, type CollectDeps, type CollectSummary } from './collect-source';
export { readIndex, trackedFetch, documentText, type IndexItem, type IndexRead, type IndexContext, type CollectIssue } from './collect-index';
export { inspectUrl, type InspectItem, type InspectResult } from './inspect-url';
export { detectSourceKind } from '../collect/detect';
export { discoverSources, type DiscoverResult, type ProposedSource } from './discover-sources';
