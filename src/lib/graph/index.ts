export {
  GraphError,
  SIGN_IN_LOG_READER_ROLES,
  graphErrorFromResponse,
  MAX_RETRY_AFTER_SECONDS,
  parseErrorEnvelope,
  parseRetryAfter,
  type GraphErrorKind,
  type GraphErrorInit,
} from './errors.ts'
export {
  buildRequestUrl,
  createGraphClient,
  type GraphClient,
  type GraphClientOptions,
  type GraphPage,
  type GraphRequestEvent,
  type PageRequestOptions,
  type WaitInfo,
} from './client.ts'
export { defaultRetryPolicy, type RetryPolicy } from './retry.ts'
export { createPagingGuard, MAX_EMPTY_PAGES_IN_A_ROW, type PagingGuard } from './paging-guard.ts'
