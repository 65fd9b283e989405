/**
 * Related sign-ins (issue #12): the pivots of the details pane. "Same correlation ID" is one Graph query across
 * the four log types. "Same session" cannot be: Graph's `$filter` has no sessionId (graph-api.md §2.2), so the
 * query narrows by the user, else the application, else the principal, and the session is matched on the records.
 */
import { queryOptions } from '@tanstack/react-query'
import { signInEventTypes, type BetaSignIn } from '../../../../contract/sign-in.ts'
import type { DataSource } from '../../../lib/data-source/data-source.tsx'
import { createPagingGuard } from '../../../lib/graph/paging-guard.ts'
import { RETENTION_DAYS, DAY_MS } from '../model/view-state.ts'
import type { DateWindow } from './build-filter.ts'
import { compareNewestFirst } from './merge-streams.ts'
import { odataDateTime, quoteODataString } from './odata-literals.ts'
import { DETAIL_STALE_TIME_MS, signInKeys, type GraphRequest } from './queries.ts'
import { readSignInPage } from './read-records.ts'

/** Graph lists only interactive sign-ins unless asked for the others (graph-api.md §1.1): ask for all four. */
export const anyLogTypeClause = `signInEventTypes/any(t: ${signInEventTypes.map((type) => `t eq '${type}'`).join(' or ')})`

/** Graph's largest page: a pivot is read whole, so the fewest requests against the throttle. */
const RELATED_PAGE_SIZE = '1000'
/**
 * The narrowed session query reads at most this many pages (a very busy user over a month): past it the list says
 * it stopped, rather than spending the page's throttle budget on one pivot.
 */
export const SESSION_MAX_PAGES = 10

const withinRange = (range: DateWindow) => [
  `createdDateTime ge ${odataDateTime(range.from)}`,
  `createdDateTime le ${odataDateTime(range.to, 'ceil')}`,
]

/** The retention window ending now: a correlation ID is looked up over everything Graph still keeps (§5). */
export function retentionWindow(now: Date): DateWindow {
  return { from: new Date(now.getTime() - RETENTION_DAYS * DAY_MS), to: now }
}

/** Every sign-in of any type with this sign-in's correlationId; null when it has none. */
export function correlationRequest(
  signIn: Pick<BetaSignIn, 'correlationId'>,
  range: DateWindow,
): GraphRequest | null {
  const correlationId = signIn.correlationId?.trim()
  if (!correlationId) return null
  return {
    path: '/beta/auditLogs/signIns',
    params: {
      $filter: [
        anyLogTypeClause,
        `correlationId eq ${quoteODataString(correlationId)}`,
        ...withinRange(range),
      ].join(' and '),
      $top: RELATED_PAGE_SIZE,
    },
  }
}

export type SessionNarrowing = 'user' | 'application' | 'principal'

export interface SessionQuery {
  sessionId: string
  narrowing: SessionNarrowing
  request: GraphRequest
}

type SessionFields = Pick<BetaSignIn, 'sessionId' | 'userId' | 'appId' | 'servicePrincipalId'>

/** Graph cannot filter on sessionId: the sign-ins of the same user (else app, else principal) in the range. */
export function sessionQuery(signIn: SessionFields, range: DateWindow): SessionQuery | null {
  const sessionId = signIn.sessionId?.trim()
  if (!sessionId) return null
  const narrowing: [SessionNarrowing, string] | null = signIn.userId
    ? ['user', `userId eq ${quoteODataString(signIn.userId)}`]
    : signIn.appId
      ? ['application', `appId eq ${quoteODataString(signIn.appId)}`]
      : signIn.servicePrincipalId
        ? ['principal', `servicePrincipalId eq ${quoteODataString(signIn.servicePrincipalId)}`]
        : null
  if (!narrowing) return null
  return {
    sessionId,
    narrowing: narrowing[0],
    request: {
      path: '/beta/auditLogs/signIns',
      params: {
        $filter: [anyLogTypeClause, narrowing[1], ...withinRange(range)].join(' and '),
        $top: RELATED_PAGE_SIZE,
      },
    },
  }
}

/** The records of one session, newest first. */
export function sameSession(records: readonly BetaSignIn[], sessionId: string): BetaSignIn[] {
  return records.filter((record) => record.sessionId === sessionId).sort(compareNewestFirst)
}

export interface RelatedResult {
  signIns: BetaSignIn[]
  /** Records Graph returned that could not be read (read-records.ts). */
  leftOut: number
  /** The page limit stopped the read before the last page. */
  truncated: boolean
}

async function readAll(
  source: Pick<DataSource, 'client'>,
  request: GraphRequest,
  signal: AbortSignal,
  maxPages: number,
): Promise<{ records: BetaSignIn[]; leftOut: number; truncated: boolean }> {
  const records: BetaSignIn[] = []
  let leftOut = 0
  const paging = createPagingGuard()
  let pages = 0
  for await (const raw of source.client.iteratePages<unknown>(request.path, {
    params: request.params,
    signal,
  })) {
    paging.check(raw)
    const page = await readSignInPage(raw)
    records.push(...page.value)
    leftOut += page.leftOut.length
    pages += 1
    if (pages >= maxPages && raw.nextLink !== null) return { records, leftOut, truncated: true }
  }
  return { records, leftOut, truncated: false }
}

export function correlationQuery(source: DataSource, request: GraphRequest) {
  return queryOptions({
    queryKey: [...signInKeys.all(source.id), 'related', 'correlation', request.params.$filter],
    queryFn: async ({ signal }): Promise<RelatedResult> => {
      const { records, leftOut, truncated } = await readAll(source, request, signal, SESSION_MAX_PAGES)
      return { signIns: [...records].sort(compareNewestFirst), leftOut, truncated }
    },
    staleTime: DETAIL_STALE_TIME_MS,
    retry: false,
  })
}

export function sessionListQuery(source: DataSource, query: SessionQuery) {
  return queryOptions({
    queryKey: [
      ...signInKeys.all(source.id),
      'related',
      'session',
      query.sessionId,
      query.request.params.$filter,
    ],
    queryFn: async ({ signal }): Promise<RelatedResult> => {
      const { records, leftOut, truncated } = await readAll(source, query.request, signal, SESSION_MAX_PAGES)
      return { signIns: sameSession(records, query.sessionId), leftOut, truncated }
    },
    staleTime: DETAIL_STALE_TIME_MS,
    retry: false,
  })
}
