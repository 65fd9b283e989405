/**
 * The one MSW handler set for the fake Microsoft Graph (vitest, standalone server; the browser reaches the same
 * request logic in a Web Worker, mocks/engine-worker.ts).
 * The request logic lives in mocks/graph/handle-request.ts; this module only decides which URLs it answers.
 */
import { http, type HttpHandler } from 'msw'
import { createGraphRequestHandler, type GraphServiceOptions } from './graph/handle-request.ts'
import { GRAPH_URL_PATTERN } from './graph-url.ts'

export interface MockGraphOptions extends GraphServiceOptions {
  /** Answer every URL (the standalone server owns its whole origin); never in the browser. */
  matchAllPaths?: boolean
}

export { GRAPH_URL_PATTERN }

export function createGraphHandlers(options: MockGraphOptions): HttpHandler[] {
  const handle = createGraphRequestHandler(options)
  return [http.all(options.matchAllPaths ? /^/ : GRAPH_URL_PATTERN, ({ request }) => handle(request))]
}
