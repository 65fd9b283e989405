/**
 * The one MSW handler set for the fake Microsoft Graph (browser worker, vitest, standalone server).
 * The request logic lives in mocks/graph/handle-request.ts; this module only decides which URLs it answers.
 */
import { http, type HttpHandler } from 'msw'
import { createGraphRequestHandler, type GraphServiceOptions } from './graph/handle-request.ts'

export interface MockGraphOptions extends GraphServiceOptions {
  /** Answer every URL (the standalone server owns its whole origin); never in the browser. */
  matchAllPaths?: boolean
}

/**
 * Every path on https://graph.microsoft.com (so unknown segments get Graph's 400), plus `/v1.0/…` and
 * `/beta/…` on any origin, for the standalone server on 127.0.0.1 whose nextLinks keep its own origin
 * (spec §6.3). Other origins stay untouched so the app's own assets are never intercepted in the browser.
 * No capture groups: MSW decodes captured params with decodeURIComponent, which throws on a malformed `%`.
 */
export const GRAPH_URL_PATTERN =
  /^(?:https:\/\/graph\.microsoft\.com(?:[/?#]|$)|https?:\/\/[^/?#]+\/(?:v1\.0|beta)(?:[/?#]|$))/i

export function createGraphHandlers(options: MockGraphOptions): HttpHandler[] {
  const handle = createGraphRequestHandler(options)
  return [http.all(options.matchAllPaths ? /^/ : GRAPH_URL_PATTERN, ({ request }) => handle(request))]
}
