/**
 * The fake Graph as a plain `Request → Response` function, shared by the MSW handlers (browser and vitest) and
 * the standalone server. Order: CORS preflight, auth (spec §4.2 401s, incl. the `expired-token` scenario), method,
 * scenario faults, routing, query (with the scenario's payload visibility, spec §4.4).
 * Every exit carries request-id/client-request-id; an unexpected exception becomes Graph's 500 body, never a
 * crash of the worker or server.
 */
import type { BetaSignIn, SummarizedSignIn } from '../../contract/sign-in.ts'
import { ODataError } from '../odata/index.ts'
import type { ScenarioState } from '../scenarios.ts'
import type { Tenant } from '../tenant/index.ts'
import { authenticate, expiredTokenError } from './auth.ts'
import { serveRoute } from './endpoints.ts'
import {
  createRequestContext,
  errorResponse,
  GraphError,
  jsonResponse,
  preflightResponse,
  type RequestContext,
} from './envelope.ts'
import { createFaultInjector, DEFAULT_FAULT_OPTIONS, type FaultOptions } from './faults.ts'
import { resolveRoute } from './routes.ts'
import { DEFAULT_SCAN_BUDGET, type ScanBudget } from './scan.ts'
import { BucketCache } from './sources.ts'
import { visibilityFor } from './visibility.ts'

export interface GraphServiceOptions {
  tenant: Tenant
  scenarios: ScenarioState
  /** Real-time clock for token expiry, throttling and innerError.date; inject a fake one in tests. */
  clock?: () => number
  /** Used by the `slow` scenario; inject to avoid real waiting in tests. */
  sleep?: (ms: number) => Promise<void>
  faults?: Partial<FaultOptions>
  budget?: Partial<ScanBudget>
}

export type GraphRequestHandler = (request: Request) => Promise<Response>

export const INTERNAL_ERROR_MESSAGE = 'An unexpected error occurred in the mock Graph service.'

export const SIGN_IN_CACHE_MAX_RECORDS = 10_000
export const SUMMARY_CACHE_MAX_ROWS = 50_000

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function createGraphRequestHandler(options: GraphServiceOptions): GraphRequestHandler {
  const clock = options.clock ?? Date.now
  const faults = createFaultInjector(
    options.scenarios,
    { ...DEFAULT_FAULT_OPTIONS, ...options.faults },
    clock,
    options.sleep ?? realSleep,
  )
  const budget: ScanBudget = { ...DEFAULT_SCAN_BUDGET, ...options.budget }
  // Enough for a walk's current hour per event-type combination plus a few concurrent walks; the record cap
  // (~15 MB of sign-ins) keeps busy multi-type hours of a large tenant from holding hundreds of MB.
  const signInCache = new BucketCache<BetaSignIn>(16, SIGN_IN_CACHE_MAX_RECORDS)
  const summaryCache = new BucketCache<SummarizedSignIn>(32, SUMMARY_CACHE_MAX_ROWS)

  return async (request) => {
    const ctx = createRequestContext(request, clock())
    try {
      if (request.method === 'OPTIONS') return preflightResponse(ctx)
      const auth = authenticate(request.headers.get('authorization'), ctx.receivedAt)
      if (!auth.ok) return errorResponse(ctx, auth.error)
      // Right after the token check, as Graph rejects an expired token before looking at method or path; an
      // empty token keeps its own message above. Preflights stay 204 so browsers can read the 401.
      if (options.scenarios.get() === 'expired-token') return errorResponse(ctx, expiredTokenError())
      if (request.method !== 'GET') return errorResponse(ctx, methodNotAllowed(request.method))
      const fault = await faults.apply(request, auth.principalKey, ctx)
      if (fault) return fault
      const url = new URL(request.url)
      const route = resolveRoute(url.pathname)
      const body = serveRoute(route, url, {
        tenant: options.tenant,
        budget,
        signInCache,
        summaryCache,
        includeUnknownEnumMembers: prefers(request, 'include-unknown-enum-members'),
        visibility: visibilityFor(options.scenarios.get()),
      })
      return jsonResponse(ctx, 200, body)
    } catch (error) {
      return failureResponse(ctx, error)
    }
  }
}

function failureResponse(ctx: RequestContext, error: unknown): Response {
  if (error instanceof GraphError) return errorResponse(ctx, error)
  if (error instanceof ODataError)
    return errorResponse(ctx, new GraphError(error.status, error.code, error.message))
  // A bug in the fake: report it loudly to the developer, answer like Graph would.
  console.error('[mock graph] unexpected error', error)
  return errorResponse(ctx, new GraphError(500, 'InternalServerError', INTERNAL_ERROR_MESSAGE))
}

/** [unverified] wording; only GET exists on this surface (spec §1). */
function methodNotAllowed(method: string): GraphError {
  return new GraphError(
    405,
    'Request_BadRequest',
    `The requested resource does not support http method '${method.slice(0, 20)}'.`,
    { Allow: 'GET, OPTIONS' },
  )
}

/** `Prefer` may list several preferences, comma-separated (RFC 7240). */
function prefers(request: Request, preference: string): boolean {
  const header = request.headers.get('prefer') ?? ''
  return header.split(',').some((item) => (item.split(';', 1)[0] ?? '').trim().toLowerCase() === preference)
}
