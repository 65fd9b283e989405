import type { ExportProgress } from '../../features/sign-in-logs/export/all/run-export.ts'

const count = new Intl.NumberFormat('en-US')

/** One line: per type records and pages, then the rate against the budget's ceiling and the waits. */
export function formatProgressLine(
  progress: ExportProgress,
  budget: { maxRequests: number; windowMs: number },
  pageSize = 1000,
): string {
  const ceiling = (budget.maxRequests * pageSize * 1000) / budget.windowMs
  const types = progress.types
    .map(
      (type) => `${type.type} ${count.format(type.records)}${type.done ? ' done' : ` (${type.pages} pages)`}`,
    )
    .join(' | ')
  const waits = progress.types.reduce((sum, type) => sum + type.waits, 0)
  const waited = progress.types.reduce((sum, type) => sum + type.waitedSeconds, 0)
  const rate = progress.recordsPerSecond === null ? '–' : count.format(Math.round(progress.recordsPerSecond))
  return `${types} | ${rate} records/s of ${count.format(Math.round(ceiling))} | ${waits} waits (${Math.round(waited)} s)`
}
