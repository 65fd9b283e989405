/**
 * The typed Graph client: auth header, request ids, paging by nextLink, abort and retry.
 * Facts: graph-api.md §2.4 (paging), §4 (errors, throttling), §6.1 (headers).
 */
import {
  abortedError,
  foreignOriginError,
  GraphError,
  graphErrorFromResponse,
  invalidResponseError,
  isAbortError,
  networkError,
  parseRetryAfter,
  tokenError,
} from './errors.ts'
import { defaultRetryPolicy, retryDelayMs, sleep, type RetryPolicy } from './retry.ts'

export interface GraphPage<T> {
  value: T[]
  nextLink: string | null
  requestId: string | null
}

/** One attempt at one URL, for the request inspector. Never carries the token. */
export interface GraphRequestEvent {
  method: 'GET'
  url: string
  /** As sent, minus Authorization: the inspector shows and copies them, and must never hold the token. */
  requestHeaders: Record<string, string>
  status: number | null
  durationMs: number
  requestId: string | null
  /** Sent with the request; Graph echoes it, so one attempt can be found in Graph's logs (§6.1). */
  clientRequestId: string
  attempt: number
  /** Length of the answer's `value` array; null for an entity, an error or no answer. */
  recordCount: number | null
  /** The answer's Retry-After in seconds, when the browser may read it. */
  retryAfterSeconds: number | null
  /** The wait before this attempt (a retry); null on the first. */
  waitedBefore: { reason: WaitInfo['reason']; seconds: number } | null
}

export type WaitInfo = {
  reason: 'throttled' | 'server' | 'network'
  seconds: number
  attempt: number
  error: GraphError
}

export interface GraphClientOptions {
  baseUrl: string
  getAccessToken: () => Promise<string>
  fetch?: typeof fetch
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number }
  onRequest?: (event: GraphRequestEvent) => void
}

type Params = Record<string, string | undefined>

export interface PageRequestOptions {
  params?: Params
  signal?: AbortSignal
  onWait?: (w: WaitInfo) => void
}

export interface GraphClient {
  readonly baseUrl: string
  /** path like '/beta/auditLogs/signIns' (+ params) or an absolute nextLink (used verbatim) */
  getPage<T>(pathOrUrl: string, opts?: PageRequestOptions): Promise<GraphPage<T>>
  getEntity<T>(path: string, opts?: { signal?: AbortSignal }): Promise<T>
  /** follows nextLink to the end; each page retried on 429 (Retry-After, else backoff), 5xx and network drops, resuming the same page */
  iteratePages<T>(pathOrUrl: string, opts?: PageRequestOptions): AsyncGenerator<GraphPage<T>>
}

const ABSOLUTE_URL = /^https?:\/\//i

/**
 * OData option names stay readable (`$filter`); values are percent-encoded with encodeURIComponent, so a
 * space is `%20`, never `+` (which some servers keep as a literal plus inside $filter strings, §2.3).
 */
export function buildRequestUrl(baseUrl: string, pathOrUrl: string, params?: Params): string {
  // A nextLink already carries every original parameter plus $skiptoken: never touch it (§2.4).
  if (ABSOLUTE_URL.test(pathOrUrl)) return pathOrUrl
  const base = baseUrl.replace(/\/+$/, '')
  const path = pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`
  const query = Object.entries(params ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name).replace(/^%24/, '$')}=${encodeURIComponent(value)}`)
    .join('&')
  return query ? `${base}${path}${path.includes('?') ? '&' : '?'}${query}` : `${base}${path}`
}

function filterOf(url: string): string | null {
  try {
    const search = new URL(url).searchParams
    return search.get('$filter') ?? search.get('filter')
  } catch {
    // Not parseable as a URL: the 400 message simply names no filter.
    return null
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    // Unparseable: no origin, so it can never match the base URL's.
    return null
  }
}

function waitReason(error: GraphError): WaitInfo['reason'] {
  if (error.kind === 'throttled') return 'throttled'
  return error.kind === 'network' ? 'network' : 'server'
}

/** Drops the OData annotations (`@odata.context`) so an entity matches its contract schema. */
function withoutAnnotations(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !key.startsWith('@odata.')))
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...stripUndefined(options.retry ?? {}) }
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const baseOrigin = new URL(baseUrl).origin

  /** One GET with retries; resolves to the parsed JSON body and the response's request-id. */
  async function getJson(
    url: string,
    signal: AbortSignal | undefined,
    onWait: ((w: WaitInfo) => void) | undefined,
  ): Promise<{ body: Record<string, unknown>; requestId: string | null }> {
    // The bearer token goes to the configured Graph origin only: a nextLink naming any other host is refused
    // before the token is even fetched (a hostile or broken server could otherwise harvest it).
    if (originOf(url) !== baseOrigin) throw foreignOriginError(url, baseOrigin)
    let waitedBefore: GraphRequestEvent['waitedBefore'] = null
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortedError()
      let token: string
      try {
        token = await options.getAccessToken()
      } catch (cause) {
        throw tokenError(cause)
      }
      const error = await attemptOnce(url, token, attempt, waitedBefore, signal)
      if (!(error instanceof GraphError)) return error
      if (!error.retryable || attempt >= policy.maxAttempts) throw error
      const delay = retryDelayMs(error, attempt, policy)
      waitedBefore = { reason: waitReason(error), seconds: delay / 1000 }
      onWait?.({ reason: waitReason(error), seconds: delay / 1000, attempt, error })
      await sleep(delay, signal)
    }
  }

  async function attemptOnce(
    url: string,
    token: string,
    attempt: number,
    waitedBefore: GraphRequestEvent['waitedBefore'],
    signal: AbortSignal | undefined,
  ): Promise<GraphError | { body: Record<string, unknown>; requestId: string | null }> {
    // A fresh id per attempt: Graph echoes it, so each retry can be told apart in its logs (§6.1).
    const clientRequestId = crypto.randomUUID()
    const headers = {
      'client-request-id': clientRequestId,
      Accept: 'application/json',
      // Without it Graph folds every enum member declared after unknownFutureValue into that placeholder
      // (graph-api.md §2.5), which would erase report-only CA results and newer token types from the UI.
      Prefer: 'include-unknown-enum-members',
    }
    const started = performance.now()
    const report = (status: number | null, requestId: string | null, extra: ReportExtra = {}) =>
      options.onRequest?.({
        method: 'GET',
        url,
        requestHeaders: { ...headers },
        status,
        durationMs: performance.now() - started,
        requestId,
        clientRequestId,
        attempt,
        recordCount: extra.recordCount ?? null,
        retryAfterSeconds: extra.retryAfterSeconds ?? null,
        waitedBefore,
      })
    let response: Response
    try {
      response = await fetchImpl(url, {
        method: 'GET',
        headers: { Authorization: `Bearer ${token}`, ...headers },
        signal,
      })
    } catch (cause) {
      report(null, null)
      if (signal?.aborted || isAbortError(cause)) throw abortedError()
      return networkError(cause, clientRequestId, token)
    }
    const requestId = response.headers.get('request-id')
    let bodyText: string
    try {
      bodyText = await response.text()
    } catch (cause) {
      report(response.status, requestId)
      if (signal?.aborted || isAbortError(cause)) throw abortedError()
      // The connection dropped mid-body: as retryable as a failed connect.
      return networkError(cause, clientRequestId, token)
    }
    if (!response.ok) {
      report(response.status, requestId, {
        retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
      })
      return graphErrorFromResponse({
        status: response.status,
        bodyText,
        headers: response.headers,
        filter: filterOf(url),
        secret: token,
      })
    }
    let body: unknown
    try {
      body = JSON.parse(bodyText)
    } catch {
      report(response.status, requestId)
      throw invalidResponseError(response.status, requestId, 'the body is not JSON', token)
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      report(response.status, requestId)
      throw invalidResponseError(response.status, requestId, 'the body is not a JSON object', token)
    }
    const value = (body as Record<string, unknown>).value
    report(response.status, requestId, { recordCount: Array.isArray(value) ? value.length : null })
    return { body: body as Record<string, unknown>, requestId }
  }

  async function getPage<T>(pathOrUrl: string, opts: PageRequestOptions = {}): Promise<GraphPage<T>> {
    const url = buildRequestUrl(baseUrl, pathOrUrl, opts.params)
    const { body, requestId } = await getJson(url, opts.signal, opts.onWait)
    const value = body.value
    if (!Array.isArray(value)) throw invalidResponseError(200, requestId, 'the body has no "value" array')
    const nextLink = body['@odata.nextLink']
    return { value: value as T[], nextLink: typeof nextLink === 'string' ? nextLink : null, requestId }
  }

  async function getEntity<T>(path: string, opts: { signal?: AbortSignal } = {}): Promise<T> {
    const { body } = await getJson(buildRequestUrl(baseUrl, path), opts.signal, undefined)
    return withoutAnnotations(body) as T
  }

  async function* iteratePages<T>(
    pathOrUrl: string,
    opts: PageRequestOptions = {},
  ): AsyncGenerator<GraphPage<T>> {
    let next: string | null = buildRequestUrl(baseUrl, pathOrUrl, opts.params)
    while (next !== null) {
      // Graph may send empty pages that still carry a nextLink (§2.4): keep going until none.
      const page: GraphPage<T> = await getPage<T>(next, { signal: opts.signal, onWait: opts.onWait })
      yield page
      next = page.nextLink
    }
  }

  return { baseUrl, getPage, getEntity, iteratePages }
}

type ReportExtra = { recordCount?: number | null; retryAfterSeconds?: number | null }

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
