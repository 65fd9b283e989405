import { makeSignIn } from '../export/test-sign-in.ts'
import {
  bucketTotal,
  bucketsFromSignIns,
  bucketsFromSummaries,
  createSignInBucketCounter,
  emptyBuckets,
  histogramWindowFor,
  selectedInterval,
} from './histogram.ts'

const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) })

test('1 h windows up to 7 days, 1 day beyond', () => {
  expect(histogramWindowFor(range('2026-11-23T12:00:00Z', '2026-11-30T12:00:00Z'))).toBe('h1')
  expect(histogramWindowFor(range('2026-11-23T11:59:59Z', '2026-11-30T12:00:00Z'))).toBe('d1')
})

test('buckets are UTC-aligned and cover the range, the first one holding its start', () => {
  const hours = emptyBuckets(range('2026-11-29T12:30:00Z', '2026-11-30T12:30:00Z'), 'h1')
  expect(hours).toHaveLength(25)
  expect(hours[0]?.start).toBe('2026-11-29T12:00:00.000Z')
  expect(hours.at(-1)?.end).toBe('2026-11-30T13:00:00.000Z')
  const days = emptyBuckets(range('2026-10-31T12:00:00Z', '2026-11-30T12:00:00Z'), 'd1')
  expect(days).toHaveLength(31)
  expect(days[0]?.start).toBe('2026-10-31T00:00:00.000Z')
})

test('loaded sign-ins land in their hour by status; those outside the range are not counted', () => {
  const at = (createdDateTime: string, errorCode: number) =>
    makeSignIn({ createdDateTime, status: { errorCode, failureReason: null, additionalDetails: null } })
  const buckets = bucketsFromSignIns(
    [
      at('2026-11-30T10:05:00Z', 0),
      at('2026-11-30T10:59:59Z', 50126),
      at('2026-11-30T10:30:00Z', 50074),
      at('2026-11-30T11:00:00Z', 0),
      at('2026-11-28T11:00:00Z', 0),
    ],
    range('2026-11-29T12:00:00Z', '2026-11-30T12:00:00Z'),
  )
  const tenOClock = buckets.find((bucket) => bucket.start === '2026-11-30T10:00:00.000Z')
  expect(tenOClock).toMatchObject({ success: 1, failure: 1, interrupted: 1 })
  expect(buckets.find((bucket) => bucket.start === '2026-11-30T11:00:00.000Z')?.success).toBe(1)
  expect(buckets.reduce((sum, bucket) => sum + bucketTotal(bucket), 0)).toBe(4)
})

test('a growing list of loaded sign-ins is counted page by page, each record read once', () => {
  const day = range('2026-11-29T12:00:00Z', '2026-11-30T12:00:00Z')
  let reads = 0
  /** A sign-in whose createdDateTime counts how often it is read. */
  const at = (createdDateTime: string, errorCode: number) => {
    const signIn = makeSignIn({ status: { errorCode, failureReason: null, additionalDetails: null } })
    return Object.defineProperty(signIn, 'createdDateTime', {
      get: () => {
        reads += 1
        return createdDateTime
      },
    })
  }
  // Appended in place, as the grid's loaded rows grow.
  const loaded = [at('2026-11-30T10:05:00Z', 0), at('2026-11-30T10:30:00Z', 50074)]
  const count = createSignInBucketCounter()
  const first = count(loaded, 2, day)
  expect(reads).toBe(2)
  loaded.push(at('2026-11-30T11:00:00Z', 50126), at('2026-11-28T11:00:00Z', 0))
  const second = count(loaded, 4, day)
  expect(reads).toBe(4)
  reads = 0
  expect(second).toEqual(bucketsFromSignIns(loaded, day))
  // The earlier result is left as it was: React sees new buckets when the counts change.
  expect(first.reduce((sum, bucket) => sum + bucketTotal(bucket), 0)).toBe(2)
  expect(count(loaded, 4, day)).toBe(second)
  // Another range counts the list again.
  const wider = range('2026-11-27T12:00:00Z', '2026-11-30T12:00:00Z')
  expect(count(loaded, 4, wider)).toEqual(bucketsFromSignIns(loaded, wider))
})

test('summary rows add their signInCount to the bucket of their aggregationDateTime', () => {
  const row = (aggregationDateTime: string, signInCount: number, errorCode: number) => ({
    aggregationDateTime,
    signInCount,
    status: { errorCode, failureReason: null, additionalDetails: null },
  })
  const buckets = bucketsFromSummaries(
    [
      row('2026-11-29T00:00:00Z', 40, 0),
      row('2026-11-29T00:00:00Z', 3, 50126),
      row('2026-11-30T00:00:00Z', 7, 0),
    ],
    range('2026-11-20T12:00:00Z', '2026-11-30T12:00:00Z'),
    'd1',
  )
  expect(buckets.find((b) => b.start === '2026-11-29T00:00:00.000Z')).toMatchObject({
    success: 40,
    failure: 3,
  })
  expect(buckets.at(-1)).toMatchObject({ start: '2026-11-30T00:00:00.000Z', success: 7 })
})

test('a selection becomes the interval of its bars, cut to the range, in either drag direction', () => {
  const shown = range('2026-11-29T12:30:00Z', '2026-11-30T12:30:00Z')
  const buckets = emptyBuckets(shown, 'h1')
  expect(selectedInterval(buckets, 3, 1, shown)).toEqual({
    start: '2026-11-29T13:00:00.000Z',
    end: '2026-11-29T16:00:00.000Z',
  })
  expect(selectedInterval(buckets, 0, 0, shown)).toEqual({
    start: '2026-11-29T12:30:00.000Z',
    end: '2026-11-29T13:00:00.000Z',
  })
  expect(selectedInterval(buckets, 24, 24, shown)?.end).toBe('2026-11-30T12:30:00.000Z')
  expect(selectedInterval(buckets, 99, 0, shown)).toBeNull()
})
