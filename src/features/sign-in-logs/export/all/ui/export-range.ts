/**
 * The export drawer's range: a preset counted back from "now", or a custom Start and End typed or picked as on the
 * page's custom time interval (same parsing, same "Show dates as" zone). Each impossible choice gets one message,
 * on the field that has to change.
 */
import { parseDateTimeInput } from '../../../model/date-input.ts'
import { DAY_MS, RETENTION_DAYS } from '../../../model/view-state.ts'
import { toDateTimeInput, type DateDisplay } from '../../../components/format-date.ts'

export const EXPORT_RANGES = [
  { id: '24h', label: 'Last 24 hours', days: 1 },
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', days: 30 },
  { id: 'custom', label: 'Custom range', days: null },
] as const
export type ExportRangeId = (typeof EXPORT_RANGES)[number]['id']

export interface CustomRangeText {
  start: string
  end: string
}

export type ExportRange = { from: Date; to: Date } | { field: 'start' | 'end'; message: string }

/** A clock running a little ahead, or a minute spent choosing, should not turn "now" into "the future". */
const SLACK_MS = 60_000

/** What a custom range starts from: the last 24 hours, as text in the user's zone. */
export function defaultCustomRange(now: Date, dates: DateDisplay): CustomRangeText {
  return { start: toDateTimeInput(new Date(now.getTime() - DAY_MS), dates), end: toDateTimeInput(now, dates) }
}

export function resolveExportRange(
  choice: ExportRangeId,
  custom: CustomRangeText,
  dates: DateDisplay,
  now: Date,
): ExportRange {
  const preset = EXPORT_RANGES.find((range) => range.id === choice)!
  if (preset.days !== null) return { from: new Date(now.getTime() - preset.days * DAY_MS), to: now }
  const example = toDateTimeInput(now, dates)
  const from = parseDateTimeInput(custom.start, dates)
  if (!from) return { field: 'start', message: `Enter the start as a date and time, e.g. ${example}.` }
  const to = parseDateTimeInput(custom.end, dates)
  if (!to) return { field: 'end', message: `Enter the end as a date and time, e.g. ${example}.` }
  const oldest = new Date(now.getTime() - RETENTION_DAYS * DAY_MS)
  if (from.getTime() < oldest.getTime() - SLACK_MS)
    return {
      field: 'start',
      message: `Graph keeps sign-ins for ${RETENTION_DAYS} days: start on or after ${toDateTimeInput(oldest, dates)}.`,
    }
  if (to.getTime() > now.getTime() + SLACK_MS)
    return { field: 'end', message: `The end is in the future: end at ${example} or earlier.` }
  if (from >= to) return { field: 'end', message: 'The end must be after the start.' }
  return { from, to }
}
