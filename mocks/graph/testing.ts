/** Shared helpers for the fake Graph's own tests (not used by the app). */

/** Fixed tenant clock for deterministic tests (the tenant's newest sign-in is at or before this). */
export const TEST_NOW = new Date('2026-11-20T12:34:56Z')
export const TEST_SEED = 7
export const GRAPH = 'https://graph.microsoft.com'
export const AUTH: Readonly<Record<string, string>> = { Authorization: 'Bearer test-token' }

export interface GraphReply<T = Record<string, unknown>> {
  status: number
  headers: Headers
  body: T
}

export interface GraphErrorBody {
  error: {
    code: string
    message: string
    innerError: { date: string; 'request-id': string; 'client-request-id': string }
  }
}

export async function graphGet<T = Record<string, unknown>>(
  url: string,
  headers: Readonly<Record<string, string>> = AUTH,
): Promise<GraphReply<T>> {
  const response = await fetch(url, { headers })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? {} : JSON.parse(text)) as T,
  }
}

export interface CollectionPage<T> {
  '@odata.context': string
  '@odata.nextLink'?: string
  value: T[]
}

/** Follows nextLinks to the end (spec §2.4), like a Graph PageIterator. */
export async function walkPages<T>(
  firstUrl: string,
  headers: Readonly<Record<string, string>> = AUTH,
  maxPages = 5000,
): Promise<{ items: T[]; pageSizes: number[]; lastUrl: string }> {
  const items: T[] = []
  const pageSizes: number[] = []
  let url: string | undefined = firstUrl
  let lastUrl = firstUrl
  while (url !== undefined) {
    if (pageSizes.length >= maxPages) throw new Error(`more than ${maxPages} pages`)
    const reply: GraphReply<CollectionPage<T>> = await graphGet<CollectionPage<T>>(url, headers)
    if (reply.status !== 200)
      throw new Error(`page ${pageSizes.length + 1}: ${reply.status} ${JSON.stringify(reply.body)}`)
    items.push(...reply.body.value)
    pageSizes.push(reply.body.value.length)
    lastUrl = url
    url = reply.body['@odata.nextLink']
  }
  return { items, pageSizes, lastUrl }
}

/** Graph error envelope checks shared by the error tests (spec §4.1). */
export function expectGraphError(
  reply: GraphReply<unknown>,
  status: number,
  code: string,
  message?: string | RegExp,
): GraphErrorBody['error'] {
  const body = reply.body as GraphErrorBody
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(body)}`)
  if (body.error?.code !== code) throw new Error(`expected code ${code}, got ${JSON.stringify(body)}`)
  if (message !== undefined) {
    const ok = typeof message === 'string' ? body.error.message === message : message.test(body.error.message)
    if (!ok) throw new Error(`unexpected message: ${body.error.message}`)
  }
  const { date, 'request-id': requestId, 'client-request-id': clientRequestId } = body.error.innerError
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(date)) throw new Error(`innerError.date ${date}`)
  if (requestId !== reply.headers.get('request-id')) throw new Error('request-id header/body mismatch')
  if (clientRequestId !== reply.headers.get('client-request-id'))
    throw new Error('client-request-id mismatch')
  return body.error
}
