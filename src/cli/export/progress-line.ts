import type { ExportProgress } from '../../features/sign-in-logs/export/all/run-export.ts'
import {
  formatDuration,
  typeSecondsLeft,
} from '../../features/sign-in-logs/export/all/ui/export-plan-text.ts'

const count = new Intl.NumberFormat('en-US')

/**
 * One line: per type records, pages and time left (the drawer's estimate: the range covered so far at this rate),
 * then the rate against the budget's ceiling and the waits.
 */
export function formatProgressLine(
  progress: ExportProgress,
  budget: { maxRequests: number; windowMs: number },
  range: { from: string; to: string },
  pageSize = 1000,
): string {
  const ceiling = (budget.maxRequests * pageSize * 1000) / budget.windowMs
  const types = progress.types
    .map((type) => {
      if (type.done) return `${type.type} ${count.format(type.records)} done`
      const left = typeSecondsLeft(type, range)
      const leftText = left === null ? 'time left unknown' : `~${formatDuration(left)} left`
      return `${type.type} ${count.format(type.records)} (${type.pages} pages, ${leftText})`
    })
    .join(' | ')
  const waits = progress.types.reduce((sum, type) => sum + type.waits, 0)
  const waited = progress.types.reduce((sum, type) => sum + type.waitedSeconds, 0)
  const rate = progress.recordsPerSecond === null ? '–' : count.format(Math.round(progress.recordsPerSecond))
  return `${types} | ${rate} records/s of ${count.format(Math.round(ceiling))} | ${waits} waits (${Math.round(waited)} s)`
}
