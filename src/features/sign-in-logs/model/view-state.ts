/**
 * The page's view state. The URL is the source of truth (style.md habit 4): tab, date range, time
 * aggregate, the pills of each filter set, Local/UTC and the selected sign-in. Columns live in localStorage.
 *
 * URL form (defaults omitted): `?tab=service-principal&range=custom&start=…&end=…&agg=h6&dates=utc`
 * `&sp.status=Failure&user.clientApp=Browser&user.clientApp=IMAP4&user.not.application=Teams`
 * `&selected=<sign-in id, a GUID>` (`not.`: an "is not" pill).
 */
import { addMonths } from 'date-fns'
// zod/mini (functional API): the same checks as classic zod at a fraction of the first-screen bytes (issue #7).
import * as z from 'zod/mini'
import { filterFieldsFor, type FilterFieldDefinition, type FilterPill } from './filter-fields.ts'
import { viewTabIds, type FilterSet, type ViewTabId } from './tabs.ts'

export type DateRangePreset = '1m' | '7d' | '24h'
export type DateRange = { preset: DateRangePreset } | { preset: 'custom'; start: string; end: string }
export type AggregationWindow = 'd1' | 'h6' | 'h1'

/** Each window's length; UTC-aligned buckets of this size make the groups (build-filter.ts, group-sign-ins.ts). */
export const aggregationWindowMs: Record<AggregationWindow, number> = {
  h1: 3_600_000,
  h6: 6 * 3_600_000,
  d1: 24 * 3_600_000,
}

export interface ViewState {
  tab: ViewTabId
  range: DateRange
  aggregate: AggregationWindow
  filters: Record<FilterSet, FilterPill[]>
  dates: 'local' | 'utc'
  selected: string | null
}

export const defaultViewState: ViewState = {
  tab: 'interactive',
  range: { preset: '24h' },
  aggregate: 'd1',
  filters: { user: [], servicePrincipal: [], managedIdentity: [], all: [] },
  dates: 'local',
  selected: null,
}

/** URL prefix of each filter set's pills. */
const filterPrefixes: Record<FilterSet, string> = {
  user: 'user',
  servicePrincipal: 'sp',
  managedIdentity: 'mi',
  all: 'all',
}
const filterSets = Object.keys(filterPrefixes) as FilterSet[]
/** `user.not.status=Success`: an "is not" pill (issue #12's "Filter out"). */
const NEGATED = 'not.'

const MAX_VALUE_LENGTH = 256
const MAX_SHOWN = 40
/**
 * A shared link is a few hundred characters; anything this long is a mistake or an attack, and is refused before it
 * is parsed, so a 1 MB query string costs one length check instead of a parse and a page of messages.
 */
export const MAX_QUERY_LENGTH = 8192
/** Problems listed one by one; the rest are counted, so a hostile URL cannot fill the page with messages. */
export const MAX_LISTED_PROBLEMS = 5
/** A sign-in id (Graph's `id`, the request id) is a GUID. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const tabSchema = z.enum(viewTabIds as [ViewTabId, ...ViewTabId[]])
const presetSchema = z.enum(['1m', '7d', '24h', 'custom'])
const aggregateSchema = z.enum(['d1', 'h6', 'h1'])
const datesSchema = z.enum(['local', 'utc'])
const instantSchema = z.iso.datetime({ offset: true })
const selectedSchema = z.string().check(z.trim(), z.regex(GUID))
const textValueSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_VALUE_LENGTH))

/** Quotes user-controlled text for a problem message, bounded so a hostile URL can't flood the UI. */
function shown(text: string): string {
  const clipped = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text
  return JSON.stringify(clipped)
}

// --- Date range rules (portal-ui.md §2.3)

export const DAY_MS = 24 * 60 * 60 * 1000
/** P1/P2 retention (graph-api.md §5): older sign-ins no longer exist. */
export const RETENTION_DAYS = 30
export const DATE_INPUT_HINT = 'Enter a date and time, e.g. 2026-11-30 14:00'
// Reading typed date-times (date-fns `parse`, ~6 kB) lives in date-input.ts: only the custom range editor needs it.

/** The rules a parsed range breaks, in words, per field (`{}` when usable). */
export function rangeProblems(start: Date, end: Date, now: Date): { start?: string; end?: string } {
  const messages: { start?: string; end?: string } = {}
  if (start.getTime() > now.getTime()) messages.start = 'Start cannot be in the future'
  else if (start.getTime() < now.getTime() - RETENTION_DAYS * DAY_MS)
    messages.start = `Start must be within the last ${RETENTION_DAYS} days`
  if (end.getTime() > now.getTime()) messages.end = 'End cannot be in the future'
  else if (end.getTime() <= start.getTime()) messages.end = 'End must be after start'
  else if (end.getTime() > addMonths(start, 1).getTime()) messages.end = 'The range can be at most one month'
  return messages
}

function customRangeProblem(start: Date, end: Date, now: Date): string | null {
  const messages = rangeProblems(start, end, now)
  return messages.start ?? messages.end ?? null
}

/** Durations of the presets. "Last 1 month" is the 30 days of P1/P2 retention (graph-api.md §5), not a calendar month. */
const presetMs: Record<DateRangePreset, number> = { '24h': DAY_MS, '7d': 7 * DAY_MS, '1m': 30 * DAY_MS }

export function resolveDateRange(range: DateRange, now: Date): { from: Date; to: Date } {
  if (range.preset === 'custom') return { from: new Date(range.start), to: new Date(range.end) }
  return { from: new Date(now.getTime() - presetMs[range.preset]), to: new Date(now.getTime()) }
}

function parsePillValues(field: FilterFieldDefinition, raw: string[], problems: string[]): string[] | null {
  const label = field.label
  if (field.valueType === 'multi' || field.valueType === 'choice' || field.valueType === 'bool') {
    const allowed = field.valueType === 'bool' ? ['true', 'false'] : (field.choices ?? []).map((c) => c.value)
    const valid: string[] = []
    for (const value of raw) {
      if (!allowed.includes(value))
        problems.push(`Ignored ${shown(value)} for filter "${label}": not one of its options.`)
      else if (!valid.includes(value)) valid.push(value)
    }
    if (field.valueType !== 'multi' && valid.length > 1) {
      problems.push(`Filter "${label}" takes one value; kept ${shown(valid[0] ?? '')}.`)
      valid.length = 1
    }
    return valid.length > 0 ? valid : null
  }
  const parsed = raw.map((value) => textValueSchema.safeParse(value))
  const first = parsed.find((result) => result.success)
  if (!first?.success) {
    problems.push(`Ignored filter "${label}": the value must be 1 to ${MAX_VALUE_LENGTH} characters.`)
    return null
  }
  if (raw.length > 1) problems.push(`Filter "${label}" takes one value; kept ${shown(first.data)}.`)
  return [first.data]
}

function parseFilters(params: URLSearchParams, problems: string[]): ViewState['filters'] {
  const filters: ViewState['filters'] = { user: [], servicePrincipal: [], managedIdentity: [], all: [] }
  for (const set of filterSets) {
    const prefix = `${filterPrefixes[set]}.`
    const fields = filterFieldsFor(set)
    // URLSearchParams keeps document order, so pills keep the order the user added them in.
    const keys = [...new Set([...params.keys()].filter((key) => key.startsWith(prefix)))]
    for (const key of keys) {
      const name = key.slice(prefix.length)
      const negated = name.startsWith(NEGATED)
      const fieldId = negated ? name.slice(NEGATED.length) : name
      const field = fields.find((candidate) => candidate.id === fieldId)
      if (!field) {
        problems.push(`Ignored filter ${shown(key)}: not a filter of this log.`)
        continue
      }
      if (filters[set].some((pill) => pill.field === field.id)) {
        problems.push(`Ignored filter ${shown(key)}: the field already has a filter.`)
        continue
      }
      const values = parsePillValues(field, params.getAll(key), problems)
      if (values)
        filters[set].push(negated ? { field: field.id, values, negated } : { field: field.id, values })
    }
  }
  return filters
}

function parseRange(params: URLSearchParams, now: Date, problems: string[]): DateRange {
  const raw = params.get('range')
  if (raw === null) return defaultViewState.range
  const preset = presetSchema.safeParse(raw)
  if (!preset.success) {
    problems.push(`Ignored date range ${shown(raw)}: use 24h, 7d, 1m or custom. Showing the last 24 hours.`)
    return defaultViewState.range
  }
  if (preset.data !== 'custom') return { preset: preset.data }
  const start = instantSchema.safeParse(params.get('start') ?? '')
  const end = instantSchema.safeParse(params.get('end') ?? '')
  if (!start.success || !end.success) {
    problems.push(
      'Ignored the custom date range: start and end must be ISO 8601 date-times. Showing the last 24 hours.',
    )
    return defaultViewState.range
  }
  const problem = customRangeProblem(new Date(start.data), new Date(end.data), now)
  if (problem) {
    problems.push(`Ignored the custom date range: ${problem}. Showing the last 24 hours.`)
    return defaultViewState.range
  }
  return {
    preset: 'custom',
    start: new Date(start.data).toISOString(),
    end: new Date(end.data).toISOString(),
  }
}

function parseOne<T>(
  params: URLSearchParams,
  key: string,
  schema: z.ZodMiniType<T>,
  fallback: T,
  problems: string[],
  hint: string,
): T {
  const raw = params.get(key)
  if (raw === null) return fallback
  const result = schema.safeParse(raw)
  if (result.success) return result.data
  problems.push(`Ignored ${key} ${shown(raw)}: ${hint}.`)
  return fallback
}

/**
 * Never throws: every unusable parameter is dropped with one human-readable problem. `now` is the page's clock
 * (custom ranges are checked against it), never a default: the real time would disagree with a mock tenant's.
 */
export function parseViewState(search: string, now: Date): { state: ViewState; problems: string[] } {
  if (search.length > MAX_QUERY_LENGTH) {
    return {
      state: defaultViewState,
      problems: [
        `Ignored the address parameters: they are ${search.length.toLocaleString('en-US')} characters long, more than the ${MAX_QUERY_LENGTH.toLocaleString('en-US')} a view needs.`,
      ],
    }
  }
  const problems: string[] = []
  let params: URLSearchParams
  try {
    params = new URLSearchParams(search)
  } catch (error) {
    // URLSearchParams accepts any string today; keep the promise even if an engine disagrees.
    return { state: defaultViewState, problems: [`Ignored the address parameters: ${String(error)}`] }
  }
  const state: ViewState = {
    tab: parseOne(
      params,
      'tab',
      tabSchema,
      defaultViewState.tab,
      problems,
      `use one of ${viewTabIds.join(', ')}`,
    ),
    range: parseRange(params, now, problems),
    aggregate: parseOne(
      params,
      'agg',
      aggregateSchema,
      defaultViewState.aggregate,
      problems,
      'use d1, h6 or h1',
    ),
    filters: parseFilters(params, problems),
    dates: parseOne(params, 'dates', datesSchema, defaultViewState.dates, problems, 'use local or utc'),
    selected: parseOne<string | null>(
      params,
      'selected',
      selectedSchema,
      null,
      problems,
      'not a sign-in id (a GUID)',
    ),
  }
  return { state, problems: listedProblems(problems) }
}

function listedProblems(problems: string[]): string[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return problems
  const more = problems.length - MAX_LISTED_PROBLEMS
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), `…and ${more} more.`]
}

/** Minimal query string ('' when everything is default); parseViewState(serializeViewState(s)) gives s back. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams()
  if (state.tab !== defaultViewState.tab) params.set('tab', state.tab)
  if (state.range.preset !== '24h') params.set('range', state.range.preset)
  if (state.range.preset === 'custom') {
    params.set('start', state.range.start)
    params.set('end', state.range.end)
  }
  if (state.aggregate !== defaultViewState.aggregate) params.set('agg', state.aggregate)
  if (state.dates !== defaultViewState.dates) params.set('dates', state.dates)
  for (const set of filterSets) {
    for (const pill of state.filters[set]) {
      const key = `${filterPrefixes[set]}.${pill.negated ? NEGATED : ''}${pill.field}`
      for (const value of pill.values) params.append(key, value)
    }
  }
  if (state.selected !== null) params.set('selected', state.selected)
  const query = params.toString()
  return query ? `?${query}` : ''
}
