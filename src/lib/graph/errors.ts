/**
 * Graph failures as values: every failed request becomes one `GraphError` with a plain-language
 * `userMessage`, Graph's own `code`/`message`, and the ids support asks for (graph-api.md §4.1, §4.2).
 */

export type GraphErrorKind =
  | 'unauthorized'
  | 'non-premium'
  | 'missing-role'
  | 'missing-permission'
  | 'bad-request'
  | 'not-found'
  | 'throttled'
  | 'server'
  | 'network'
  | 'aborted'
  /** the app refused what the server sent (a nextLink to another host, a paging loop); retrying repeats it */
  | 'refused'

export interface GraphErrorInit {
  kind: GraphErrorKind
  status: number | null
  code: string
  graphMessage: string
  userMessage: string
  requestId?: string | null
  clientRequestId?: string | null
  date?: string | null
  retryAfterSeconds?: number | null
  /** The bearer token of the request: scrubbed from every text field, never stored (a server may echo it). */
  secret?: string | null
}

const REDACTED = '[redacted]'

function scrub(text: string, secret: string | null | undefined): string {
  let clean = text.replace(/Bearer\s+[A-Za-z0-9\-._~+/]+=*/gi, `Bearer ${REDACTED}`)
  if (secret) clean = clean.split(secret).join(REDACTED)
  return clean
}

/** The delegated roles that may read sign-in logs (graph-api.md §4.4). */
export const SIGN_IN_LOG_READER_ROLES = [
  'Reports Reader',
  'Security Reader',
  'Security Administrator',
  'Security Operator',
  'Global Reader',
  'Global Administrator',
] as const

export class GraphError extends Error {
  readonly kind: GraphErrorKind
  readonly status: number | null
  readonly code: string
  readonly graphMessage: string
  readonly userMessage: string
  readonly requestId: string | null
  readonly clientRequestId: string | null
  readonly date: string | null
  readonly retryAfterSeconds: number | null

  constructor(init: GraphErrorInit) {
    const clean = (text: string) => scrub(text, init.secret)
    const requestId = init.requestId == null ? null : clean(init.requestId)
    // Support needs the request-id to find the call in Graph's logs (graph-api.md §4.1), so it comes last.
    const base = clean(init.userMessage)
    const userMessage = requestId ? `${base} Request ID for support: ${requestId}` : base
    super(userMessage)
    this.name = 'GraphError'
    this.kind = init.kind
    this.status = init.status
    this.code = clean(init.code)
    this.graphMessage = clean(init.graphMessage)
    this.userMessage = userMessage
    this.requestId = requestId
    this.clientRequestId = init.clientRequestId == null ? null : clean(init.clientRequestId)
    this.date = init.date == null ? null : clean(init.date)
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
  }

  /** Throttling, gateway/overload answers and dropped connections are worth retrying (graph-api.md §4.2, §4.3). */
  get retryable(): boolean {
    if (this.kind === 'throttled' || this.kind === 'network') return true
    return this.kind === 'server' && (this.status === 502 || this.status === 503 || this.status === 504)
  }
}

/** Graph's error envelope `{error:{code,message,innerError:{date,"request-id","client-request-id"}}}` (§4.1). */
interface GraphErrorEnvelope {
  code: string | null
  message: string | null
  requestId: string | null
  clientRequestId: string | null
  date: string | null
}

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null
  const field = (value as Record<string, unknown>)[key]
  return typeof field === 'string' ? field : null
}

export function parseErrorEnvelope(bodyText: string): GraphErrorEnvelope | null {
  let body: unknown
  try {
    body = JSON.parse(bodyText)
  } catch {
    // Not JSON (a proxy's HTML page, an empty 503): the caller falls back to the HTTP status alone.
    return null
  }
  const error =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : undefined
  if (typeof error !== 'object' || error === null) return null
  const record = error as Record<string, unknown>
  // Graph spells it `innerError`; OData v4 and some services use `innererror`.
  const inner = record.innerError ?? record.innererror
  return {
    code: stringField(record, 'code'),
    message: stringField(record, 'message'),
    requestId: stringField(inner, 'request-id'),
    clientRequestId: stringField(inner, 'client-request-id'),
    date: stringField(inner, 'date'),
  }
}

/**
 * The longest Retry-After honoured. Graph's report throttle clears within seconds (§4.3); a server asking for
 * hours (or 99999999999 s, which overflows setTimeout into a 1 ms busy loop) is wrong or hostile, and a page that
 * waits that long looks dead. After 120 s the retry simply asks again.
 */
export const MAX_RETRY_AFTER_SECONDS = 120

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); clamped to MAX_RETRY_AFTER_SECONDS. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Math.min(MAX_RETRY_AFTER_SECONDS, Number(trimmed))
  // An HTTP date always names a weekday or month; Date.parse would otherwise read '-3' as a year.
  if (!/[A-Za-z]{3}/.test(trimmed)) return null
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return null
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil((at - now) / 1000)))
}

const MISSING_PERMISSION = /permissions?\s+AuditLog\.Read\.All/i

function classify(status: number, code: string): GraphErrorKind {
  if (status === 401) return 'unauthorized'
  if (status === 403) {
    if (code === 'Authentication_RequestFromNonPremiumTenantOrB2CTenant') return 'non-premium'
    if (code === 'Authentication_RequestFromUnsupportedUserRole') return 'missing-role'
    // The code for a missing scope is [unverified] (§4.2), so the message decides; every other 403
    // (e.g. Authentication_ApplicationHasNoDirectoryReadAccess) is also a permission the app lacks.
    return 'missing-permission'
  }
  if (status === 404) return 'not-found'
  if (status === 429) return 'throttled'
  if (status >= 500) return 'server'
  return 'bad-request'
}

function userMessageFor(
  kind: GraphErrorKind,
  status: number,
  graphMessage: string,
  filter: string | null,
): string {
  switch (kind) {
    case 'unauthorized':
      return 'Your sign-in is no longer valid (the access token was missing, expired or rejected). Sign in again and retry.'
    case 'non-premium':
      return 'This tenant cannot read sign-in logs through Microsoft Graph: it needs a Microsoft Entra ID P1 or P2 licence, and B2C tenants are not supported.'
    case 'missing-role':
      return `Your account is not in a role that can read sign-in logs. Ask an administrator to assign one of: ${SIGN_IN_LOG_READER_ROLES.join(', ')}.`
    case 'missing-permission':
      return MISSING_PERMISSION.test(graphMessage)
        ? 'This app has not been granted the AuditLog.Read.All permission. Ask an administrator to grant consent for AuditLog.Read.All, then sign in again.'
        : `Microsoft Graph refused access (${graphMessage || 'HTTP 403'}). Ask an administrator to grant this app AuditLog.Read.All and Directory.Read.All.`
    case 'bad-request': {
      const refused = filter ? ` The filter it refused was: ${filter}` : ''
      return `Microsoft Graph rejected the request: ${graphMessage || `HTTP ${status}`}.${refused} Change or remove that filter and try again.`
    }
    case 'not-found':
      return 'Microsoft Graph found no such item. The sign-in may be older than the retention period (30 days), or the ID is wrong.'
    case 'throttled':
      return 'Microsoft Graph is throttling requests (sign-in log reports allow about 5 requests per 10 seconds). Wait a moment and retry; a shorter date range helps.'
    case 'server':
      return `Microsoft Graph had a temporary problem (HTTP ${status}). Try again in a moment; a shorter date range helps if it keeps timing out.`
    case 'network':
      return 'Could not reach Microsoft Graph. Check your network connection and try again.'
    case 'aborted':
      return 'The request was cancelled.'
    case 'refused':
      return `Stopped: ${graphMessage}`
  }
}

export interface ResponseErrorContext {
  status: number
  bodyText: string
  headers: Headers
  /** The $filter sent, so a 400 can say which filter Graph refused. */
  filter: string | null
  now?: number
  secret?: string | null
}

export function graphErrorFromResponse(context: ResponseErrorContext): GraphError {
  const { status, headers } = context
  const envelope = parseErrorEnvelope(context.bodyText)
  const code = envelope?.code ?? `HTTP${status}`
  const graphMessage = envelope?.message ?? ''
  const kind = classify(status, code)
  return new GraphError({
    kind,
    status,
    code,
    graphMessage,
    userMessage: userMessageFor(kind, status, graphMessage, context.filter),
    requestId: headers.get('request-id') ?? envelope?.requestId ?? null,
    clientRequestId: headers.get('client-request-id') ?? envelope?.clientRequestId ?? null,
    date: envelope?.date ?? headers.get('date'),
    retryAfterSeconds: parseRetryAfter(headers.get('retry-after'), context.now),
    secret: context.secret,
  })
}

export function networkError(
  cause: unknown,
  clientRequestId: string | null,
  secret?: string | null,
): GraphError {
  const detail = cause instanceof Error ? cause.message : String(cause)
  return new GraphError({
    kind: 'network',
    status: null,
    code: 'NetworkError',
    graphMessage: detail,
    userMessage: userMessageFor('network', 0, detail, null),
    clientRequestId,
    secret,
  })
}

export function abortedError(): GraphError {
  return new GraphError({
    kind: 'aborted',
    status: null,
    code: 'Aborted',
    graphMessage: '',
    userMessage: userMessageFor('aborted', 0, '', null),
  })
}

/** A 2xx whose body is not the JSON Graph promises: not retried, reported as a server fault. */
export function invalidResponseError(
  status: number,
  requestId: string | null,
  detail: string,
  secret?: string | null,
): GraphError {
  return new GraphError({
    kind: 'server',
    status,
    code: 'InvalidResponse',
    graphMessage: detail,
    userMessage: `Microsoft Graph sent a response this app cannot read (${detail}). Try again.`,
    requestId,
    secret,
  })
}

/**
 * A nextLink (or any URL) outside the configured Graph origin: refused before a token is fetched or a byte is sent,
 * because following it would hand the bearer token to that host.
 */
export function foreignOriginError(url: string, expectedOrigin: string): GraphError {
  const host = hostOf(url)
  return new GraphError({
    kind: 'refused',
    status: null,
    code: 'ForeignOrigin',
    graphMessage: `The next-page link points to ${host}, not ${expectedOrigin}.`,
    userMessage: `Stopped: the server's next-page link points to another host (${host}), not ${expectedOrigin}. Nothing was sent to ${host}.`,
  })
}

/** A page loop: the same nextLink twice, or page after page with no records. Retrying would loop again. */
export function pagingLoopError(detail: string): GraphError {
  return new GraphError({
    kind: 'refused',
    status: null,
    code: 'PagingLoop',
    graphMessage: detail,
    userMessage: `Stopped loading more pages: ${detail}`,
  })
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    // Unparseable: show a bounded piece of it rather than nothing.
    return url.slice(0, 80)
  }
}

/** Acquiring the token failed (MSAL interaction required, popup blocked, …): the user must sign in again. */
export function tokenError(cause: unknown, secret?: string | null): GraphError {
  const detail = cause instanceof Error ? cause.message : String(cause)
  return new GraphError({
    kind: 'unauthorized',
    status: null,
    code: 'TokenAcquisitionFailed',
    graphMessage: detail,
    userMessage: `Could not get an access token for Microsoft Graph (${detail}). Sign in again and retry.`,
    secret,
  })
}

export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof GraphError && error.kind === 'aborted') ||
    (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError')
  )
}
