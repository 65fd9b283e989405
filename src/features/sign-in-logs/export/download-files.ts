/**
 * The files each download pane offers (downloads.md §1.2): six CSV, four JSON, in the table order,
 * one file per Download button, no zip. Each file is built from its own tab's query: the two user
 * files share the user filter set (§6 checklist), grouped tabs download their individual sign-ins.
 */
import type { ViewTabId } from '../model/tabs.ts'
import { createCsvEncoder, type CsvFileContent, type RecordEncoder } from './encode-csv.ts'
import { createJsonEncoder } from './encode-json.ts'

export type DownloadFormat = 'csv' | 'json'

export interface DownloadFileDefinition {
  /** Stable key, e.g. `csv:InteractiveSignIns_AuthDetails`. */
  id: string
  format: DownloadFormat
  tab: ViewTabId
  /** What the file holds, in the pane's words. */
  description: string
  /** Default name before `_<start>_<end>.<ext>`, as the portal names it. */
  prefix: string
  /** CSV layout; JSON files have none (they carry the Graph objects). */
  csv: CsvFileContent | null
}

const csv = (
  tab: ViewTabId,
  prefix: string,
  description: string,
  content: CsvFileContent,
): DownloadFileDefinition => ({
  id: `csv:${prefix}`,
  format: 'csv',
  tab,
  description,
  prefix,
  csv: content,
})
const json = (tab: ViewTabId, prefix: string, description: string): DownloadFileDefinition => ({
  id: `json:${prefix}`,
  format: 'json',
  tab,
  description,
  prefix,
  csv: null,
})

/** §1.2 rows 1–10. Row 4's name is by analogy with row 2 [U]. */
export const downloadFiles: readonly DownloadFileDefinition[] = [
  csv('interactive', 'InteractiveSignIns', 'Interactive user sign-ins', 'user'),
  csv(
    'interactive',
    'InteractiveSignIns_AuthDetails',
    'Authentication steps of the interactive sign-ins',
    'authDetails',
  ),
  csv('non-interactive', 'NonInteractiveSignIns', 'Non-interactive user sign-ins', 'user'),
  csv(
    'non-interactive',
    'NonInteractiveSignIns_AuthDetails',
    'Authentication steps of the non-interactive sign-ins',
    'authDetails',
  ),
  csv('service-principal', 'ApplicationSignIns', 'Service principal sign-ins', 'servicePrincipal'),
  csv('managed-identity', 'MSISignIns', 'Managed identity sign-ins', 'managedIdentity'),
  json('interactive', 'InteractiveSignIns', 'Interactive user sign-ins, with authentication details'),
  json(
    'non-interactive',
    'NonInteractiveSignIns',
    'Non-interactive user sign-ins, with authentication details',
  ),
  json('service-principal', 'ApplicationSignIns', 'Service principal sign-ins'),
  json('managed-identity', 'MSISignIns', 'Managed identity sign-ins'),
]

/** "All sign-ins" (issue #12): the four types merged newest first, each record carrying its signInEventTypes. */
export const allSignInsJsonFile: DownloadFileDefinition = json(
  'all',
  'AllSignIns',
  'All sign-ins of the four types, merged newest first (each with its sign-in type)',
)

/** The pane's files: the portal's, plus the merged JSON file when the All sign-ins tab is open. */
export function filesForView(format: DownloadFormat, tab: ViewTabId): readonly DownloadFileDefinition[] {
  const files = filesForFormat(format)
  return tab === 'all' && format === 'json' ? [...files, allSignInsJsonFile] : files
}

export function filesForFormat(format: DownloadFormat): readonly DownloadFileDefinition[] {
  return downloadFiles.filter((file) => file.format === format)
}

/** `yyyy-MM-dd` of the UTC calendar day (§1.2: the clock is undocumented [U: UTC dates]). */
export function utcDateToken(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** `<Prefix>_<start>_<end>.<ext>`, e.g. `InteractiveSignIns_2020-10-15_2020-10-16.csv` (§1.2). */
export function defaultFileName(file: DownloadFileDefinition, range: { from: Date; to: Date }): string {
  return `${file.prefix}_${utcDateToken(range.from)}_${utcDateToken(range.to)}.${file.format}`
}

/** A fresh encoder for one run of `file` (encoders are stateful: JSON tracks its commas). */
export function encoderFor(file: DownloadFileDefinition, options: { bom: boolean }): RecordEncoder {
  return file.csv === null ? createJsonEncoder() : createCsvEncoder(file.csv, { bom: options.bom })
}
