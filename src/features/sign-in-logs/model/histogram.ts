/**
 * The volume histogram (issue #12): sign-ins per UTC-aligned window over the date range, stacked by the
 * portal's status (status.ts). 1 h windows up to 7 days, else 1 day: at most 169 or 31 bars, so every bar
 * stays wide enough to point at. Grouped tabs count summary rows (complete); the interactive tab counts the
 * rows loaded so far.
 */
import type { SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { statusOfErrorCode, type SignInStatusLabel } from './status.ts'

export type HistogramWindow = 'h1' | 'd1'

const HOUR_MS = 60 * 60 * 1000
export const histogramWindowMs: Record<HistogramWindow, number> = { h1: HOUR_MS, d1: 24 * HOUR_MS }
const SEVEN_DAYS_MS = 7 * 24 * HOUR_MS

export interface DateWindow {
  from: Date
  to: Date
}

export interface VolumeBucket {
  /** ISO start (inclusive) and end (exclusive) of the window. */
  start: string
  end: string
  success: number
  failure: number
  interrupted: number
}

export function histogramWindowFor(range: DateWindow): HistogramWindow {
  return range.to.getTime() - range.from.getTime() <= SEVEN_DAYS_MS ? 'h1' : 'd1'
}

export function bucketTotal(bucket: VolumeBucket): number {
  return bucket.success + bucket.failure + bucket.interrupted
}

/** One empty bucket per window touching the range, the first starting at the window the range starts in. */
export function emptyBuckets(range: DateWindow, window: HistogramWindow): VolumeBucket[] {
  const size = histogramWindowMs[window]
  const first = Math.floor(range.from.getTime() / size) * size
  const buckets: VolumeBucket[] = []
  for (let start = first; start < range.to.getTime(); start += size) {
    buckets.push({
      start: new Date(start).toISOString(),
      end: new Date(start + size).toISOString(),
      success: 0,
      failure: 0,
      interrupted: 0,
    })
  }
  return buckets
}

const statusKey: Record<SignInStatusLabel, 'success' | 'failure' | 'interrupted'> = {
  Success: 'success',
  Failure: 'failure',
  Interrupted: 'interrupted',
}

function addTo(
  buckets: VolumeBucket[],
  window: HistogramWindow,
  atMs: number,
  errorCode: number,
  count: number,
): void {
  if (buckets.length === 0 || !Number.isFinite(atMs)) return
  const index = Math.floor((atMs - Date.parse(buckets[0]!.start)) / histogramWindowMs[window])
  const bucket = buckets[index]
  if (bucket) bucket[statusKey[statusOfErrorCode(errorCode)]] += count
}

type CountedSignIn = { createdDateTime: string; status: { errorCode: number } }

function addSignIns(
  buckets: VolumeBucket[],
  records: readonly CountedSignIn[],
  fromIndex: number,
  toIndex: number,
  range: DateWindow,
  window: HistogramWindow,
): void {
  const from = range.from.getTime()
  const to = range.to.getTime()
  for (let index = fromIndex; index < toIndex; index += 1) {
    const record = records[index]!
    const at = Date.parse(record.createdDateTime)
    if (at >= from && at <= to) addTo(buckets, window, at, record.status.errorCode, 1)
  }
}

/** Loaded sign-ins by `createdDateTime`; records outside the range are not counted. */
export function bucketsFromSignIns(
  records: readonly CountedSignIn[],
  range: DateWindow,
  window: HistogramWindow = histogramWindowFor(range),
): VolumeBucket[] {
  const buckets = emptyBuckets(range, window)
  addSignIns(buckets, records, 0, records.length, range, window)
  return buckets
}

/**
 * bucketsFromSignIns over a list that grows by appending (the grid's loaded rows, issue #16): each call counts
 * only the records added since the last one, so loading 100 pages counts each record once instead of counting
 * every loaded record again per page. Another list or range starts over. Returns new buckets when counts changed.
 */
export function createSignInBucketCounter(): (
  records: readonly CountedSignIn[],
  count: number,
  range: DateWindow,
) => VolumeBucket[] {
  let seen: { records: readonly CountedSignIn[]; from: number; to: number } | null = null
  let counted = 0
  let buckets: VolumeBucket[] = []
  return (records, count, range) => {
    const window = histogramWindowFor(range)
    const same =
      seen !== null &&
      seen.records === records &&
      seen.from === range.from.getTime() &&
      seen.to === range.to.getTime() &&
      count >= counted
    if (same && count === counted) return buckets
    if (same) {
      buckets = buckets.map((bucket) => ({ ...bucket }))
    } else {
      buckets = emptyBuckets(range, window)
      counted = 0
      seen = { records, from: range.from.getTime(), to: range.to.getTime() }
    }
    addSignIns(buckets, records, counted, count, range, window)
    counted = count
    return buckets
  }
}

/**
 * Summary rows of the same aggregation window by `aggregationDateTime` (their bucket start), each adding its
 * `signInCount` to its status. A row carries one status (the groups are per error code).
 */
export function bucketsFromSummaries(
  rows: Iterable<Pick<SummarizedSignIn, 'aggregationDateTime' | 'signInCount' | 'status'>>,
  range: DateWindow,
  window: HistogramWindow,
): VolumeBucket[] {
  const buckets = emptyBuckets(range, window)
  for (const row of rows) {
    addTo(buckets, window, Date.parse(row.aggregationDateTime), row.status.errorCode, row.signInCount)
  }
  return buckets
}

/**
 * The custom interval of bars `first`..`last` (either order), cut to the range shown, so the narrowed view
 * never reaches outside what the user was looking at (nor past retention or now).
 */
export function selectedInterval(
  buckets: readonly VolumeBucket[],
  first: number,
  last: number,
  range: DateWindow,
): { start: string; end: string } | null {
  const low = buckets[Math.min(first, last)]
  const high = buckets[Math.max(first, last)]
  if (!low || !high) return null
  const start = Math.max(Date.parse(low.start), range.from.getTime())
  const end = Math.min(Date.parse(high.end), range.to.getTime())
  if (end <= start) return null
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() }
}
