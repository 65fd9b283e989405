export {
  useDataSourceSelection,
  type DataSourceSelection,
  type DataSourceSelectionOptions,
} from './use-data-source-selection.tsx'
export {
  createConnectedGraphSource,
  type GraphCredential,
  type GraphDataSourceOptions,
} from './graph-data-source.ts'
export {
  createRateLimitedFetch,
  createRateLimiter,
  rateLimiterFor,
  type RateLimiter,
} from './rate-limited-fetch.ts'
