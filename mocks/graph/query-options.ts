/**
 * OData system query options for the collection endpoints (spec §2.1, §1.2). Names and values are decoded by
 * URLSearchParams, so Kiota's `%24filter=` works (spec §2.3); on beta the `$` prefix is optional (spec §2.1).
 */
import { badRequest, GraphError, truncate } from './envelope.ts'

export type GraphVersion = 'v1.0' | 'beta'

export const MAX_PAGE_SIZE = 1000

export interface CollectionQuery {
  filterText: string | undefined
  /** 1..1000; spec §2.1: default and maximum 1000, above is clamped (the [unverified] "clamp vs 400" switch). */
  top: number
  descending: boolean
  /** Projection, in request order; undefined = all properties. */
  select: string[] | undefined
  skipToken: string | undefined
  /** Everything that defines the result set, for binding a $skiptoken to its query. */
  fingerprint: string
}

export interface CollectionQueryRules {
  version: GraphVersion
  /** Properties `$orderby` may name (first = the default sort key). */
  orderableProperties: readonly string[]
  /** Property names `$select` may list, undefined = `$select` is not allowed. */
  selectableProperties: ReadonlySet<string> | undefined
  /** For "Could not find a property named 'x' on type '…'". */
  entityTypeName: string
}

/** Spec §2.1 / §7: these options are rejected with ASP.NET OData's "not allowed" message. */
const NOT_ALLOWED = new Map([
  ['count', 'Count'],
  ['skip', 'Skip'],
  ['search', 'Search'],
  ['expand', 'Expand'],
  ['select', 'Select'],
])
const SUPPORTED = new Set(['filter', 'top', 'orderby', 'select', 'skiptoken'])
const SYSTEM_OPTIONS = new Set([...SUPPORTED, ...NOT_ALLOWED.keys(), 'format', 'apply', 'compute', 'levels'])

export const notAllowedMessage = (pascalName: string) =>
  `Query option '${pascalName}' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.`

/** The system option a query parameter name denotes, or undefined for a custom parameter (ignored). */
function systemOptionName(rawName: string, version: GraphVersion): string | undefined {
  const name = rawName.trim()
  if (name.startsWith('$')) return name.slice(1).toLowerCase()
  // Spec §2.1 [doc]: beta accepts `top=10`; v1.0 treats such names as custom parameters.
  if (version === 'beta' && SYSTEM_OPTIONS.has(name.toLowerCase())) return name.toLowerCase()
  return undefined
}

export function parseCollectionQuery(url: URL, rules: CollectionQueryRules): CollectionQuery {
  const options = new Map<string, string>()
  for (const [rawName, value] of url.searchParams) {
    const name = systemOptionName(rawName, rules.version)
    if (name === undefined) continue
    if (!SYSTEM_OPTIONS.has(name)) {
      // [unverified] wording; ASP.NET OData rejects unknown `$` options with this message.
      throw badRequest(`The query parameter '$${truncate(name, 40)}' is not supported.`)
    }
    if (options.has(name)) {
      throw badRequest(
        `Query option '$${name}' was specified more than once, but it must be specified at most once.`,
      )
    }
    options.set(name, value)
  }
  for (const name of options.keys()) {
    const pascal = NOT_ALLOWED.get(name)
    if (pascal && !(name === 'select' && rules.selectableProperties))
      throw badRequest(notAllowedMessage(pascal))
    if (!SUPPORTED.has(name) && !pascal) throw badRequest(notAllowedMessage(pascalCase(name)))
  }

  const filterRaw = options.get('filter')
  const filterText = filterRaw !== undefined && filterRaw.trim() !== '' ? filterRaw : undefined
  const top = parseTop(options.get('top'))
  const descending = parseOrderBy(options.get('orderby'), rules.orderableProperties)
  const select = parseSelect(options.get('select'), rules)
  const skipRaw = options.get('skiptoken')
  const skipToken = skipRaw !== undefined && skipRaw !== '' ? skipRaw : undefined
  const fingerprint = JSON.stringify([filterText ?? null, top, descending, select ?? null])
  return { filterText, top, descending, select, skipToken, fingerprint }
}

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1)
}

function parseTop(raw: string | undefined): number {
  if (raw === undefined) return MAX_PAGE_SIZE
  const text = raw.trim()
  if (!/^\+?\d+$/.test(text)) {
    throw badRequest(
      `Invalid value '${truncate(raw, 40)}' for $top query option found. The $top query option requires a non-negative integer value.`,
    )
  }
  const digits = text.replace(/^\+/, '').replace(/^0+(?=\d)/, '')
  // Spec §2.1: above 1000 is [unverified]; the fake clamps. Long digit strings are "above 1000" too.
  const value = digits.length > 7 ? Number.MAX_SAFE_INTEGER : Number(digits)
  if (value < 1) {
    // Graph pages must make progress; `$top=0` would loop a pager forever ([unverified] that Graph rejects it).
    throw badRequest(
      `Invalid value '${truncate(raw, 40)}' for $top query option found. $top must be at least 1.`,
    )
  }
  return Math.min(value, MAX_PAGE_SIZE)
}

/** Spec §2.1: only `createdDateTime` (asc|desc, default desc) on signIns; anything else is 400. */
function parseOrderBy(raw: string | undefined, orderable: readonly string[]): boolean {
  if (raw === undefined || raw.trim() === '') return true
  const match = /^\s*([A-Za-z/]+)(?:\s+(asc|desc))?\s*$/i.exec(raw)
  if (!match || !orderable.includes(match[1] ?? '')) {
    throw new GraphError(
      400,
      'BadRequest',
      `Invalid $orderby '${truncate(raw, 80)}': only ${orderable.map((p) => `'${p}'`).join(' or ')} with 'asc' or 'desc' is supported.`,
    )
  }
  return (match[2] ?? 'desc').toLowerCase() === 'desc'
}

/**
 * `$select` on beta: a projection (decision recorded in the handlers' report). Spec §2.1 says Graph rejected it
 * in 2022 but recent scripts send it to beta; v1.0 keeps the 2022 behaviour (400 "not allowed").
 */
function parseSelect(raw: string | undefined, rules: CollectionQueryRules): string[] | undefined {
  if (raw === undefined || rules.selectableProperties === undefined) return undefined
  const items = raw.split(',').map((item) => item.trim())
  if (items.length === 1 && (items[0] === '' || items[0] === '*')) return undefined
  const seen = new Set<string>()
  for (const item of items) {
    if (item === '' || !rules.selectableProperties.has(item)) {
      throw badRequest(
        `Could not find a property named '${truncate(item, 60)}' on type '${rules.entityTypeName}'.`,
      )
    }
    seen.add(item)
  }
  return [...seen]
}

/** Keeps only the selected properties, in the entity's own order; `@odata.*` annotations survive. */
export function project<T extends object>(record: T, select: readonly string[] | undefined): Partial<T> {
  if (!select) return record
  const wanted = new Set(select)
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => wanted.has(key) || key.startsWith('@odata.')),
  ) as Partial<T>
}
