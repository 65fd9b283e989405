/**
 * The three resources of the surface: signIns list, signIns/{id}, getSummarized*SignIns (spec §1). Each turns a
 * routed, authenticated GET into a Graph-shaped body; errors are thrown as GraphError / ODataError values.
 */
import type { BetaSignIn, SummarizedSignIn } from '../../contract/sign-in.ts'
import { betaSignInPropertyNames, summarizedSignInPropertyNames } from '../../contract/sign-in.ts'
import type { FilterAst, FilterSchema } from '../odata/index.ts'
import {
  betaSignInFilterSchema,
  dateBounds,
  equalityValues,
  evaluateFilter,
  eventTypesOf,
  parseFilter,
  summaryFilterSchema,
  v1SignInFilterSchema,
} from '../odata/index.ts'
import type { Tenant } from '../tenant/index.ts'
import { collapseEvolvableEnums, toV1SignIn } from '../tenant/index.ts'
import { GraphError } from './envelope.ts'
import type { CollectionQuery, CollectionQueryRules, GraphVersion } from './query-options.ts'
import { parseCollectionQuery, project } from './query-options.ts'
import type { GraphRoute } from './routes.ts'
import type { ScanBudget, ScanPage } from './scan.ts'
import { scanBuckets } from './scan.ts'
import { buildNextLink, decodeSkipToken, encodeSkipToken, hashText } from './skiptoken.ts'
import type { BucketCache } from './sources.ts'
import { hourRange, signInSource, summarySource, windowRange } from './sources.ts'
import type { SignInVisibility } from './visibility.ts'
import { applyVisibility, isFullyVisible } from './visibility.ts'

export interface EndpointContext {
  readonly tenant: Tenant
  readonly budget: ScanBudget
  readonly signInCache: BucketCache<BetaSignIn>
  readonly summaryCache: BucketCache<SummarizedSignIn>
  /** Spec §2.5: without `Prefer: include-unknown-enum-members`, evolvable members read unknownFutureValue. */
  readonly includeUnknownEnumMembers: boolean
  /** Spec §4.4: what the caller's permissions and licence let it see of each sign-in record. */
  readonly visibility: SignInVisibility
}

export type JsonBody = Record<string, unknown>

const betaSelectable = new Set<string>(betaSignInPropertyNames)
const summarySelectable = new Set<string>(summarizedSignInPropertyNames)

export function serveRoute(route: GraphRoute, url: URL, ctx: EndpointContext): JsonBody {
  switch (route.kind) {
    case 'signInList':
      return listSignIns(route.version, url, ctx)
    case 'signInEntity':
      return getSignIn(route.version, route.id, url, ctx)
    case 'summaries':
      return listSummaries(route, url, ctx)
  }
}

function signInQueryRules(version: GraphVersion): CollectionQueryRules {
  return {
    version,
    orderableProperties: ['createdDateTime'],
    selectableProperties: version === 'beta' ? betaSelectable : undefined,
    entityTypeName: 'microsoft.graph.signIn',
  }
}

function parseOptionalFilter(text: string | undefined, schema: FilterSchema): FilterAst | undefined {
  return text === undefined ? undefined : parseFilter(text, schema)
}

/** Salt binding skiptokens to one generated tenant, so a token from another seed/now/size is rejected. */
function tenantSalt(tenant: Tenant): string {
  const { seed, now, size, scale = 1 } = tenant.config
  return `${seed}|${now.toISOString()}|${size}|${scale}`
}

function queryHash(ctx: EndpointContext, routeKey: string, query: CollectionQuery): string {
  return hashText(`${tenantSalt(ctx.tenant)}\n${routeKey}\n${query.fingerprint}`)
}

function contextUrl(url: URL, version: GraphVersion, fragment: string, select?: readonly string[]): string {
  return `${url.origin}/${version}/$metadata#${fragment}${select ? `(${select.join(',')})` : ''}`
}

function collectionBody<T>(
  context: string,
  url: URL,
  page: ScanPage<T>,
  hash: string,
  shape: (item: T) => unknown,
): JsonBody {
  return {
    '@odata.context': context,
    ...(page.next && { '@odata.nextLink': buildNextLink(url, encodeSkipToken(page.next, hash)) }),
    value: page.items.map(shape),
  }
}

function shapeSignIn(
  record: BetaSignIn,
  version: GraphVersion,
  ctx: EndpointContext,
  select?: readonly string[],
) {
  const versioned = version === 'beta' ? record : toV1SignIn(record)
  const permitted = applyVisibility(versioned, ctx.visibility)
  const visible = ctx.includeUnknownEnumMembers ? permitted : collapseEvolvableEnums(permitted)
  return project(visible, select)
}

function listSignIns(version: GraphVersion, url: URL, ctx: EndpointContext): JsonBody {
  const query = parseCollectionQuery(url, signInQueryRules(version))
  // Spec §1.1: v1.0 has no signInEventTypes (400 via its schema) and lists interactive sign-ins only.
  const schema = version === 'beta' ? betaSignInFilterSchema : v1SignInFilterSchema
  const ast = parseOptionalFilter(query.filterText, schema)
  const filterTypes = version === 'beta' ? eventTypesOf(ast) : (['interactiveUser'] as const)
  // Issue #12: a user's or a correlation id's sign-ins are looked up, not found by scanning 30 days.
  const subset = ctx.tenant.subset({
    userIds: equalityValues(ast, 'userId'),
    correlationIds: equalityValues(ast, 'correlationId'),
  })
  const types = subset ? filterTypes.filter((type) => subset.types.includes(type)) : filterTypes
  const hash = queryHash(ctx, `${version}/signIns`, query)
  const start = query.skipToken === undefined ? undefined : decodeSkipToken(query.skipToken, hash)
  const range = hourRange(ctx.tenant, dateBounds(ast, 'createdDateTime'))
  const page = scanBuckets(
    signInSource(ctx.tenant, types, ctx.signInCache, subset),
    {
      firstBucket: subset ? Math.max(range.first, subset.firstHour) : range.first,
      lastBucket: subset ? Math.min(range.last, subset.lastHour) : range.last,
      descending: query.descending,
      pageSize: query.top,
      matches: signInMatcher(ast, schema, ctx.visibility),
      start,
    },
    ctx.budget,
  )
  const context = contextUrl(url, version, 'auditLogs/signIns', query.select)
  return collectionBody(context, url, page, hash, (record) => shapeSignIn(record, version, ctx, query.select))
}

/**
 * The filter sees the caller's view of a record, so hidden data cannot be probed through `$filter`: in a P1-only
 * tenant risk levels are not computed for the caller (spec §4.4), so `riskLevelDuringSignIn eq 'high'` matches
 * nothing and `eq 'hidden'` matches everything ([unverified] what Graph answers to either).
 */
function signInMatcher(
  ast: FilterAst | undefined,
  schema: FilterSchema,
  visibility: SignInVisibility,
): (record: BetaSignIn) => boolean {
  if (!ast) return () => true
  if (isFullyVisible(visibility)) return (record) => evaluateFilter(ast, record, schema)
  return (record) => evaluateFilter(ast, applyVisibility(record, visibility), schema)
}

function getSignIn(version: GraphVersion, id: string, url: URL, ctx: EndpointContext): JsonBody {
  // Only $select applies to a single entity; other list options are ignored here.
  const select = version === 'beta' ? selectOnly(url) : undefined
  const record = ctx.tenant.findSignIn(id)
  // v1.0 only serves interactive sign-ins (spec §1.1), so other ids do not exist there.
  const visible = record && (version === 'beta' || record.signInEventTypes.includes('interactiveUser'))
  if (!record || !visible) {
    // Spec §1 / §4.2: 404 with an [unverified] code; `ResourceNotFound` is the suggested value.
    throw new GraphError(
      404,
      'ResourceNotFound',
      `Resource '${id.slice(0, 100)}' does not exist or one of its queried reference-property objects are not present.`,
    )
  }
  return {
    '@odata.context': contextUrl(url, version, 'auditLogs/signIns/$entity'),
    ...shapeSignIn(record, version, ctx, select),
  }
}

function selectOnly(url: URL): string[] | undefined {
  const onlySelect = new URL(url.href)
  onlySelect.search = ''
  for (const [name, value] of url.searchParams) {
    if (/^\$?select$/i.test(name.trim())) onlySelect.searchParams.append('$select', value)
  }
  return parseCollectionQuery(onlySelect, signInQueryRules('beta')).select
}

function listSummaries(
  route: Extract<GraphRoute, { kind: 'summaries' }>,
  url: URL,
  ctx: EndpointContext,
): JsonBody {
  const query = parseCollectionQuery(url, {
    version: 'beta',
    // Spec §1.2 [obs]: scripts send `$orderby=firstSignInDateTime desc` (undocumented); rows within a window
    // are ordered by firstSignInDateTime, so both keys give the same order.
    orderableProperties: ['firstSignInDateTime', 'aggregationDateTime'],
    selectableProperties: summarySelectable,
    entityTypeName: 'microsoft.graph.summarizedSignIn',
  })
  const ast = parseOptionalFilter(query.filterText, summaryFilterSchema)
  const hash = queryHash(ctx, `beta/${route.type}/${route.window}`, query)
  const start = query.skipToken === undefined ? undefined : decodeSkipToken(query.skipToken, hash)
  // Spec §1.2: "a bucket counts toward a range by its aggregationDateTime", for both date properties.
  const bounds = intersect(dateBounds(ast, 'aggregationDateTime'), dateBounds(ast, 'firstSignInDateTime'))
  const range = windowRange(ctx.tenant, route.window, bounds)
  const page = scanBuckets(
    summarySource(ctx.tenant, route.type, route.window, ctx.summaryCache),
    {
      firstBucket: range.first,
      lastBucket: range.last,
      descending: query.descending,
      pageSize: query.top,
      matches: ast
        ? (row) =>
            evaluateFilter(ast, { ...row, firstSignInDateTime: row.aggregationDateTime }, summaryFilterSchema)
        : () => true,
      start,
    },
    ctx.budget,
  )
  const context = `${url.origin}/beta/$metadata#Collection(microsoft.graph.summarizedSignIn)`
  return collectionBody(context, url, page, hash, (row) =>
    project(ctx.includeUnknownEnumMembers ? row : collapseEvolvableEnums(row), query.select),
  )
}

function intersect(a: { from?: Date; to?: Date }, b: { from?: Date; to?: Date }): { from?: Date; to?: Date } {
  const from = [a.from, b.from].filter((d): d is Date => d !== undefined).sort((x, y) => +y - +x)[0]
  const to = [a.to, b.to].filter((d): d is Date => d !== undefined).sort((x, y) => +x - +y)[0]
  return { ...(from && { from }), ...(to && { to }) }
}
