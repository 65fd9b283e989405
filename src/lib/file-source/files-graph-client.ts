/**
 * The files answer the requests the page already makes of Graph (the signIns list with `$filter`/`$top`, next
 * pages, one sign-in by id), so tabs, filters, the grid and the details pane work on them unchanged. Records
 * are completed to the beta shape the page checks: what a file lacks reads as null or an empty list.
 */
import { z } from 'zod'
import { betaSignInSchema, type BetaSignIn } from '../../../contract/sign-in.ts'
import { summaryGroupingKeys, summaryGroupingKeyValue } from '../../../contract/summary-grouping-keys.ts'
import { GraphError } from '../graph/errors.ts'
import type { GraphClient, GraphPage, PageRequestOptions } from '../graph/client.ts'
import { FilterSyntaxError } from './odata-sql.ts'
import type { FileSignIn } from './record-shape.ts'
import {
  type AggregationWindow,
  type StoredSignIn,
  type StoredSummary,
  type SummaryEventType,
  type SummaryQuery,
} from './sign-in-store.ts'

/** What the client needs of the engine (the worker's client, or the Node store in tests). */
export interface SignInQueries {
  /** `signal`: the page's; aborting it may withdraw a query still waiting for the engine. */
  list(filter: string | undefined, top: number, skip?: number, signal?: AbortSignal): Promise<StoredSignIn[]>
  summarize(query: SummaryQuery, signal?: AbortSignal): Promise<StoredSummary[]>
  get(signInId: string): Promise<StoredSignIn | null>
}

/** Not a network origin: next-page links of the files stay inside the app. */
export const FILES_BASE_URL = 'https://files.invalid'
const SIGN_INS = '/beta/auditLogs/signIns'
const DEFAULT_TOP = 100
/** Graph's default and largest summary page (graph-api.md §1.2). */
const DEFAULT_SUMMARY_TOP = 1000

const SUMMARY_FUNCTIONS: ReadonlyMap<string, SummaryEventType> = new Map([
  ['getsummarizednoninteractivesignins', 'nonInteractiveUser'],
  ['getsummarizedserviceprincipalsignins', 'servicePrincipal'],
  ['getsummarizedmsisignins', 'managedIdentity'],
])
const SUMMARY_PATH = /^\/beta\/auditLogs\/(\w+)\(aggregationWindow='(\w+)'\)$/i
const isWindow = (value: string): value is AggregationWindow => ['h1', 'h6', 'd1'].includes(value)

/** Graph prints bucket starts without a fraction (`2025-03-04T12:00:00Z`, graph-api.md §1.2). */
const isoSeconds = (iso: string) => iso.replace(/\.0+Z$/, 'Z')

/**
 * Fills what a file left out, following the schema into nested objects and lists: null where Graph allows null,
 * an empty list for lists, "" for the non-nullable texts (userId of app-only sign-ins). Present values stay as the
 * file had them, so the page's own check still reports a value of the wrong type.
 */
function complete(schema: z.ZodType, value: unknown): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return value === null || value === undefined
      ? schema instanceof z.ZodNullable
        ? null
        : undefined
      : complete(schema.unwrap() as z.ZodType, value)
  }
  if (value === null || value === undefined) {
    if (schema instanceof z.ZodArray) return []
    if (schema instanceof z.ZodString) return ''
    if (schema instanceof z.ZodObject) return complete(schema, {})
    return value
  }
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item) => complete(schema.element as z.ZodType, item))
  }
  if (schema instanceof z.ZodObject && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    const filled: Record<string, unknown> = { ...record }
    for (const [key, inner] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const next = complete(inner, record[key])
      if (next !== undefined) filled[key] = next
    }
    return filled
  }
  return value
}

export function completeSignIn(signIn: FileSignIn): Record<string, unknown> {
  const withStatus = { status: { errorCode: 0 }, ...signIn }
  return complete(betaSignInSchema, withStatus) as Record<string, unknown>
}

/**
 * The part of the beta shape a summary row reads of its newest sign-in. A grouped tab's page is up to 1,000 rows
 * (the histogram's), converted on the main thread as the first groups render: completing each newest sign-in
 * whole walked the entire schema (details, policies, device) for fourteen properties.
 */
const summarySourceSchema = betaSignInSchema.pick({
  agent: true,
  appDisplayName: true,
  appId: true,
  conditionalAccessStatus: true,
  homeTenantId: true,
  ipAddress: true,
  managedServiceIdentity: true,
  resourceDisplayName: true,
  resourceId: true,
  servicePrincipalId: true,
  servicePrincipalName: true,
  status: true,
  tokenIssuerType: true,
  userPrincipalName: true,
})

/**
 * A `summarizedSignIn` row of a group of the files: its keys and the other properties from its newest sign-in,
 * as the page's own grouping of loaded sign-ins words them (model/group-sign-ins.ts). The id names the group by
 * its type, window, bucket and keys, so it is stable across pages and refreshes.
 */
function summaryRow(eventType: SummaryEventType, window: AggregationWindow, group: StoredSummary) {
  const withStatus = { status: { errorCode: 0 }, ...group.newest }
  const newest = complete(summarySourceSchema, withStatus) as Record<string, unknown> & BetaSignIn
  const aggregationDateTime = isoSeconds(group.bucketStart)
  const keyValues = summaryGroupingKeys[eventType].map((key) => summaryGroupingKeyValue(newest, key))
  return {
    id: encodeURIComponent(JSON.stringify([eventType, window, aggregationDateTime, ...keyValues])),
    agent: newest.agent ?? null,
    aggregationDateTime,
    appDisplayName: newest.appDisplayName,
    appId: newest.appId,
    conditionalAccessStatus: newest.conditionalAccessStatus,
    firstSignInDateTime: group.firstSignInDateTime,
    ipAddress: newest.ipAddress,
    managedServiceIdentity: newest.managedServiceIdentity,
    resourceDisplayName: newest.resourceDisplayName,
    resourceId: newest.resourceId,
    servicePrincipalId: newest.servicePrincipalId,
    servicePrincipalName: newest.servicePrincipalName,
    signInCount: group.signInCount,
    status: newest.status,
    tenantId: newest.homeTenantId,
    tokenIssuerType: newest.tokenIssuerType ?? 'AzureAD',
    userPrincipalName: newest.userPrincipalName,
  }
}

function unsupported(message: string, kind: 'bad-request' | 'not-found' = 'bad-request'): GraphError {
  return new GraphError({ kind, status: null, code: 'Files', graphMessage: message, userMessage: message })
}

function parse(pathOrUrl: string, params: Record<string, string | undefined> = {}) {
  const url = new URL(pathOrUrl, FILES_BASE_URL)
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value)
  return url
}

/** Graph lists interactive sign-ins only, unless the filter names other event types (graph-api.md §1.1). */
function withDefaultEventType(filter: string | undefined): string {
  if (filter?.includes('signInEventTypes/any(')) return filter
  const interactive = "signInEventTypes/any(t: t eq 'interactiveUser')"
  return filter ? `${interactive} and (${filter})` : interactive
}

async function applying<R>(query: () => Promise<R>): Promise<R> {
  try {
    return await query()
  } catch (error) {
    if (error instanceof FilterSyntaxError)
      throw unsupported(`The files cannot apply this filter: ${error.message}`)
    throw error
  }
}

/** One page of `rows`, asked for one more than `top`: the extra row tells whether a next page exists. */
function pageOf<T>(
  url: URL,
  top: number,
  skip: number,
  rows: readonly T[],
): { value: T[]; nextLink: string | null } {
  let nextLink: string | null = null
  if (rows.length > top) {
    const next = new URL(url)
    next.searchParams.set('$skip', String(skip + top))
    nextLink = next.toString()
  }
  return { value: rows.slice(0, top), nextLink }
}

export function createFilesGraphClient(queries: SignInQueries): GraphClient {
  async function getPage<T>(pathOrUrl: string, options: PageRequestOptions = {}): Promise<GraphPage<T>> {
    const url = parse(pathOrUrl, options.params)
    const skip = Number(url.searchParams.get('$skip') ?? 0)
    const filterText = url.searchParams.get('$filter') ?? undefined
    if (url.pathname !== SIGN_INS) {
      const call = SUMMARY_PATH.exec(decodeURIComponent(url.pathname))
      const eventType = call && SUMMARY_FUNCTIONS.get(call[1]!.toLowerCase())
      const window = call?.[2]
      if (!eventType || !window) throw unsupported(`The files do not answer ${url.pathname}.`)
      if (!isWindow(window)) throw unsupported(`Unknown aggregation window ${window}: use h1, h6 or d1.`)
      const top = Number(url.searchParams.get('$top') ?? DEFAULT_SUMMARY_TOP)
      const groups = await applying(() =>
        queries.summarize({ eventType, window, filter: filterText, top: top + 1, skip }, options.signal),
      )
      const { value, nextLink } = pageOf(url, top, skip, groups)
      return {
        value: value.map((group) => summaryRow(eventType, window, group) as T),
        nextLink,
        requestId: null,
      }
    }
    const filter = withDefaultEventType(filterText)
    const top = Number(url.searchParams.get('$top') ?? DEFAULT_TOP)
    const rows = await applying(() => queries.list(filter, top + 1, skip, options.signal))
    const { value, nextLink } = pageOf(url, top, skip, rows)
    return { value: value.map((row) => completeSignIn(row.signIn) as T), nextLink, requestId: null }
  }

  return {
    baseUrl: FILES_BASE_URL,
    getPage,
    async getEntity<T>(path: string): Promise<T> {
      const prefix = `${SIGN_INS}/`
      if (!path.startsWith(prefix)) throw unsupported(`The files do not answer ${path}.`)
      const found = await queries.get(decodeURIComponent(path.slice(prefix.length)))
      if (!found) throw unsupported('This sign-in is not in the opened files.', 'not-found')
      return completeSignIn(found.signIn) as T
    },
    async *iteratePages<T>(pathOrUrl: string, options?: PageRequestOptions) {
      let page = await getPage<T>(pathOrUrl, options)
      yield page
      while (page.nextLink) {
        page = await getPage<T>(page.nextLink, { signal: options?.signal })
        yield page
      }
    },
  }
}
