/** Words and numbers the export drawer shows: the plan's estimate and a job's per-type progress. */
import { BUDGET_RECORDS_PER_SECOND } from '../export-plan.ts'
import type { TypeProgress } from '../run-export.ts'

const integer = new Intl.NumberFormat('en-US')

export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  const rest = whole % 60
  if (hours > 0) return `${hours} h ${minutes} min`
  if (minutes > 0) return `${minutes} min ${rest} s`
  return `${rest} s`
}

/** The plan's estimate: a count when one is known, else Graph's ceiling per 100,000 records. */
export function estimateText(records: number | null): string {
  if (records === null)
    return `Record count not known in advance. At Graph's budget (at most ${integer.format(BUDGET_RECORDS_PER_SECOND)} records/s) 100,000 records take at least ${formatDuration(100_000 / BUDGET_RECORDS_PER_SECOND)}.`
  return `About ${integer.format(records)} records: at least ${formatDuration(records / BUDGET_RECORDS_PER_SECOND)} at Graph's budget (at most ${integer.format(BUDGET_RECORDS_PER_SECOND)} records/s).`
}

type TimeLeftInput = Pick<TypeProgress, 'done' | 'records' | 'recordsPerSecond' | 'lastCreatedDateTime'>

/**
 * Seconds left for one type, or null when it cannot be told. Graph does not count sign-ins, and no summary gives
 * a count today, so the total is estimated from the part of the range already covered: records come newest first,
 * so `records` span [lastCreatedDateTime, to]; the rest of the range is assumed as dense. At this run's records/s.
 */
export function typeSecondsLeft(type: TimeLeftInput, range: { from: string; to: string }): number | null {
  if (type.done) return 0
  if (type.recordsPerSecond === null || type.lastCreatedDateTime === null || type.records === 0) return null
  const from = Date.parse(range.from)
  const to = Date.parse(range.to)
  const reached = Math.min(to, Math.max(from, Date.parse(type.lastCreatedDateTime)))
  const covered = (to - reached) / (to - from)
  if (!(covered > 0)) return null
  const estimatedTotal = type.records / covered
  return (estimatedTotal - type.records) / type.recordsPerSecond
}

export function timeLeftText(seconds: number | null): string {
  return seconds === null ? 'time left unknown' : `about ${formatDuration(seconds)} left`
}

export function typeProgressText(
  type: Pick<TypeProgress, 'records' | 'pages' | 'waits' | 'waitedSeconds' | 'wait' | 'done'> &
    Partial<Pick<TypeProgress, 'recordsPerSecond' | 'lastCreatedDateTime'>>,
  range?: { from: string; to: string },
): string {
  const parts = [
    `${integer.format(type.records)} records`,
    `${integer.format(type.pages)} ${type.pages === 1 ? 'page' : 'pages'}`,
  ]
  if (type.waits > 0)
    parts.push(
      `${type.waits} Retry-After ${type.waits === 1 ? 'wait' : 'waits'} (${formatDuration(type.waitedSeconds)})`,
    )
  if (type.wait) parts.push(`waiting ${formatDuration(type.wait.seconds)}`)
  if (type.done) parts.push('done')
  else if (range) {
    const perSecond = type.recordsPerSecond ?? null
    if (perSecond !== null) parts.push(`${integer.format(Math.round(perSecond))} records/s`)
    const left = typeSecondsLeft(
      {
        done: type.done,
        records: type.records,
        recordsPerSecond: perSecond,
        lastCreatedDateTime: type.lastCreatedDateTime ?? null,
      },
      range,
    )
    parts.push(timeLeftText(left))
  }
  return parts.join(', ')
}

export function rateText(recordsPerSecond: number | null): string {
  if (recordsPerSecond === null) return 'Rate: measuring…'
  return `${integer.format(Math.round(recordsPerSecond))} records/s of Graph's ${integer.format(BUDGET_RECORDS_PER_SECOND)} records/s ceiling`
}

export function bytesText(bytes: number | null): string {
  if (bytes === null) return 'unknown'
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}
