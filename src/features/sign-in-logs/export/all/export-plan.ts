/**
 * What an "Export all sign-ins" job asks for (issue #13): a range of up to the 30 days Graph keeps, some of the
 * four log types, a format per type (NDJSON by default, or CSV with the portal's headers), and optionally the
 * current filter pills. Per type one request stream feeds one file, or two for the user types in CSV (the
 * authentication-details file comes from the same records, downloads.md §2.2).
 */
import { buildSignInFilter } from '../../api/build-filter.ts'
import { planFilters } from '../../filter-plan/index.ts'
import type { FilterPill } from '../../model/filter-fields.ts'
import { tabById, tabIds, type TabId } from '../../model/tabs.ts'
import { DAY_MS, RETENTION_DAYS } from '../../model/view-state.ts'
import type { CsvFileContent } from '../encode-csv.ts'
import { utcDateToken } from '../download-files.ts'

export type ExportFormat = 'ndjson' | 'csv'

export interface ExportFileSpec {
  name: string
  type: TabId
  format: ExportFormat
  /** CSV layout; null for NDJSON (one Graph object per line). */
  csv: CsvFileContent | null
}

export interface ExportTypeSpec {
  type: TabId
  format: ExportFormat
  /** CSV only, user types only: also write the authentication-details file. */
  authDetails: boolean
}

export interface ExportPlan {
  id: string
  /** ISO 8601 UTC. */
  from: string
  to: string
  types: ExportTypeSpec[]
  /** The filter pills per type, empty for "everything". */
  pills: Partial<Record<TabId, FilterPill[]>>
  files: ExportFileSpec[]
}

/** Graph's maximum page size (graph-api.md §2.1): the fewest requests under the budget. */
export const EXPORT_PAGE_SIZE = 1000
/** 5 requests per 10 s of 1,000 records (graph-api.md §4.3). */
export const BUDGET_RECORDS_PER_SECOND = 500

const filePrefix: Record<TabId, string> = {
  interactive: 'InteractiveSignIns',
  'non-interactive': 'NonInteractiveSignIns',
  'service-principal': 'ApplicationSignIns',
  'managed-identity': 'MSISignIns',
}

const csvContent: Record<TabId, CsvFileContent> = {
  interactive: 'user',
  'non-interactive': 'user',
  'service-principal': 'servicePrincipal',
  'managed-identity': 'managedIdentity',
}

export function isUserType(type: TabId): boolean {
  return type === 'interactive' || type === 'non-interactive'
}

export interface ExportPlanInput {
  id: string
  from: Date
  to: Date
  now: Date
  types: ExportTypeSpec[]
  pills?: Partial<Record<TabId, FilterPill[]>>
}

export class ExportPlanError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportPlanError'
  }
}

/** Checks the choices and names the files; bad choices get one clear message each. */
export function createExportPlan(input: ExportPlanInput): ExportPlan {
  const { from, to, now } = input
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw new ExportPlanError('The start and end must be dates, e.g. 2026-11-01T00:00:00Z.')
  if (from >= to) throw new ExportPlanError('The start must be before the end.')
  if (from.getTime() < now.getTime() - RETENTION_DAYS * DAY_MS - 60_000)
    throw new ExportPlanError(`Graph keeps sign-ins for ${RETENTION_DAYS} days: choose a start within them.`)
  if (input.types.length === 0) throw new ExportPlanError('Choose at least one log type.')
  const seen = new Set<TabId>()
  const files: ExportFileSpec[] = []
  const stamp = `${utcDateToken(from)}_${utcDateToken(to)}`
  for (const spec of input.types) {
    if (seen.has(spec.type)) throw new ExportPlanError(`${tabById(spec.type).label} is listed twice.`)
    seen.add(spec.type)
    const prefix = filePrefix[spec.type]
    if (spec.format === 'ndjson') {
      files.push({ name: `${prefix}_${stamp}.ndjson`, type: spec.type, format: 'ndjson', csv: null })
      continue
    }
    files.push({ name: `${prefix}_${stamp}.csv`, type: spec.type, format: 'csv', csv: csvContent[spec.type] })
    if (spec.authDetails && isUserType(spec.type))
      files.push({
        name: `${prefix}_AuthDetails_${stamp}.csv`,
        type: spec.type,
        format: 'csv',
        csv: 'authDetails',
      })
  }
  return {
    id: input.id,
    from: from.toISOString(),
    to: to.toISOString(),
    types: tabIds.flatMap((type) => input.types.filter((spec) => spec.type === type)),
    pills: input.pills ?? {},
    files,
  }
}

/** Every type, NDJSON, with the authentication-details CSVs of the user types when CSV is chosen. */
export function allTypes(format: ExportFormat = 'ndjson'): ExportTypeSpec[] {
  return tabIds.map((type) => ({ type, format, authDetails: isUserType(type) }))
}

/**
 * The first request of one type. `before` (a createdDateTime) restarts the type after a refused nextLink:
 * Graph returns newest first, so everything newer than it was written already.
 */
export function typeRequest(
  plan: ExportPlan,
  type: TabId,
  before: string | null,
): { path: string; params: Record<string, string> } {
  const to = before === null ? new Date(plan.to) : new Date(Math.min(Date.parse(before), Date.parse(plan.to)))
  const filters = planFilters(tabById(type), plan.pills[type] ?? [])
  const filter = buildSignInFilter(filters, { from: new Date(plan.from), to })
  return { path: '/beta/auditLogs/signIns', params: { $filter: filter, $top: String(EXPORT_PAGE_SIZE) } }
}

/** What Graph cannot filter (the filter plan's record predicate) is applied to each page; else null. */
export function typeAccept(plan: ExportPlan, type: TabId) {
  const { signIns } = planFilters(tabById(type), plan.pills[type] ?? [])
  return signIns.onLoadedRows.length === 0 ? null : signIns.keep
}

export function filesOfType(plan: ExportPlan, type: TabId): ExportFileSpec[] {
  return plan.files.filter((file) => file.type === type)
}
