/**
 * Graph's response envelope: correlation headers, OData content type, CORS, and the error body
 * `{error:{code,message,innerError:{date,"request-id","client-request-id"}}}` (spec §4.1, §6.1).
 */

export const GRAPH_ORIGIN = 'https://graph.microsoft.com'

/** What Graph sends for OData JSON (minimal metadata). */
export const ODATA_JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8'

/** Spec §6.1: headers a browser client sends to Graph, so the standalone server's preflight must allow them. */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'client-request-id',
  'SdkVersion',
  'Prefer',
  'ConsistencyLevel',
  'Content-Type',
]

/**
 * Spec §4.3 / §6.1: whether real Graph exposes `Retry-After` to CORS callers is [unverified] (it did not in
 * 2022, microsoft-graph-docs#17488). We expose it so browser clients can honour it; clients must still back off
 * on their own when it is unreadable.
 */
export const CORS_EXPOSED_HEADERS = ['request-id', 'client-request-id', 'Retry-After']

/** Per-request correlation data, fixed before any work so every exit path (incl. 500s) carries it. */
export interface RequestContext {
  readonly requestId: string
  readonly clientRequestId: string
  /** Real (or injected) clock at arrival, ms since epoch; used for innerError.date. */
  readonly receivedAt: number
  /** `Origin` request header, echoed in CORS headers. */
  readonly corsOrigin: string | null
}

/** A Graph error as a value: status, Graph code, user-facing message, optional extra headers. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message)
    this.name = 'GraphError'
  }
}

export function createRequestContext(request: Request, receivedAt: number): RequestContext {
  const requestId = newGuid()
  const sent = request.headers.get('client-request-id')?.trim()
  return {
    requestId,
    // Spec §4.1: echoes the caller's value, otherwise equals request-id.
    clientRequestId: sent ? sent.slice(0, 200) : requestId,
    receivedAt,
    corsOrigin: request.headers.get('origin'),
  }
}

export function baseHeaders(ctx: RequestContext): Headers {
  const headers = new Headers({
    'request-id': ctx.requestId,
    'client-request-id': ctx.clientRequestId,
    'Cache-Control': 'no-cache',
    'Access-Control-Allow-Origin': ctx.corsOrigin ?? '*',
    'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', '),
  })
  if (ctx.corsOrigin) headers.set('Vary', 'Origin')
  return headers
}

export function jsonResponse(
  ctx: RequestContext,
  status: number,
  body: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): Response {
  const headers = baseHeaders(ctx)
  headers.set('Content-Type', ODATA_JSON_CONTENT_TYPE)
  headers.set('OData-Version', '4.0')
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value)
  return new Response(isCollection(body) ? collectionStream(body) : JSON.stringify(body), { status, headers })
}

/** Encoded bytes per streamed chunk: well under V8's large-object threshold (128 KiB), so chunks die young. */
const STREAM_CHUNK_CHARS = 32 * 1024

type CollectionBody = Record<string, unknown> & { value: readonly unknown[] }

function isCollection(body: unknown): body is CollectionBody {
  return typeof body === 'object' && body !== null && Array.isArray((body as { value?: unknown }).value)
}

/**
 * A collection page serialised a few records at a time as it is read, never as one string: a page of 1,000
 * sign-ins is ~5 MB of JSON, and one such string per request was most of the standalone server's peak memory
 * (large-object garbage that only a full GC reclaims). Same bytes as JSON.stringify, `value` last.
 */
function collectionStream(body: CollectionBody): ReadableStream<Uint8Array> {
  const { value, ...envelope } = body
  const encoder = new TextEncoder()
  const head = JSON.stringify(envelope)
  let pending = `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"value":[`
  let index = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      while (pending.length < STREAM_CHUNK_CHARS && index < value.length) {
        pending += `${index === 0 ? '' : ','}${JSON.stringify(value[index]) ?? 'null'}`
        index++
      }
      if (index === value.length && pending !== '') {
        controller.enqueue(encoder.encode(`${pending}]}`))
        pending = ''
        controller.close()
        return
      }
      controller.enqueue(encoder.encode(pending))
      pending = ''
    },
  })
}

/** Spec §4.1 [obs]: `innerError.date` has no `Z` and no fraction. */
export function graphErrorDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19)
}

export function errorResponse(ctx: RequestContext, error: GraphError): Response {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: graphErrorDate(ctx.receivedAt),
        'request-id': ctx.requestId,
        'client-request-id': ctx.clientRequestId,
      },
    },
  }
  return jsonResponse(ctx, error.status, body, error.headers)
}

/** CORS preflight (spec §6.1). Answered before auth: browsers never send credentials on a preflight. */
export function preflightResponse(ctx: RequestContext): Response {
  const headers = baseHeaders(ctx)
  headers.set('Access-Control-Allow-Methods', 'GET, OPTIONS')
  headers.set('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS.join(', '))
  headers.set('Access-Control-Max-Age', '3600')
  return new Response(null, { status: 204, headers })
}

export const badRequest = (message: string) => new GraphError(400, 'BadRequest', message)

/** Spec §0 / §4.2 [obs]: unknown segments are 400, not 404. */
export const segmentNotFound = (segment: string) =>
  new GraphError(400, 'BadRequest', `Resource not found for the segment '${truncate(segment)}'.`)

export function truncate(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/**
 * crypto.randomUUID exists in Node 20 and in secure browser contexts (https, localhost); the fallback keeps the
 * fake working when the app is opened over plain http on a LAN address.
 */
export function newGuid(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
