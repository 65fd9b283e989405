/** Words for a histogram bar: its window in the page's "Show dates as" zone, and its counts. */
import { bucketTotal, type VolumeBucket } from '../../model/histogram.ts'
import { formatSignInDate, type DateDisplay } from '../format-date.ts'

const number = (value: number) => value.toLocaleString('en-US')

export function windowText(bucket: VolumeBucket, dates: DateDisplay): string {
  return `${formatSignInDate(bucket.start, dates)} to ${formatSignInDate(bucket.end, dates)}`
}

export function countsText(bucket: VolumeBucket): string {
  const total = bucketTotal(bucket)
  return `${number(total)} sign-in${total === 1 ? '' : 's'}: ${number(bucket.success)} success, ${number(bucket.failure)} failure, ${number(bucket.interrupted)} interrupted`
}

export const formatCount = number
