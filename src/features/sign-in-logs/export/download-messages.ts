/** The pane's status sentences, as pure functions (tested without React). */
import type { WaitInfo } from '../../../lib/graph/index.ts'
import type { DownloadProgress, DownloadResult } from './run-download.ts'

const count = new Intl.NumberFormat('en-US')

export function recordsText(records: number): string {
  return `${count.format(records)} ${records === 1 ? 'record' : 'records'}`
}

function duration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds))
  if (whole < 60) return `${whole} s`
  const minutes = Math.floor(whole / 60)
  return `${minutes} min ${whole % 60} s`
}

/** "Throttled, resuming in 7 s" and its 5xx / network siblings; `secondsLeft` counts down in the UI. */
export function waitText(wait: WaitInfo, secondsLeft: number): string {
  const inTime = duration(secondsLeft)
  if (wait.reason === 'throttled') return `Throttled, resuming in ${inTime}`
  const retry = `retrying the same page in ${inTime} (attempt ${wait.attempt + 1})`
  if (wait.reason === 'network') return `Connection dropped, ${retry}`
  return `Microsoft Graph answered ${wait.error.status ?? 'an error'}, ${retry}`
}

/** Records written, the total (unknown for Graph lists: said so), speed and time left. */
export function progressLines(progress: DownloadProgress): string[] {
  const lines = [
    `${recordsText(progress.recordsWritten)} written (${count.format(progress.pagesFetched)} pages)`,
  ]
  if (progress.recordsLeftOut > 0) lines.push(leftOutText(progress.recordsLeftOut))
  lines.push(
    progress.expectedTotal === null
      ? `Total not known in advance: Microsoft Graph does not count sign-ins. The file stops at ${count.format(progress.limit)} records.`
      : `of ${count.format(progress.expectedTotal)} records`,
  )
  if (progress.recordsPerSecond !== null) {
    const speed = `${count.format(Math.round(progress.recordsPerSecond))} records/s`
    const left =
      progress.secondsLeft === null
        ? 'time left unknown'
        : progress.secondsLeftIsUpperBound
          ? `at most ${duration(progress.secondsLeft)} left (to the ${count.format(progress.limit)}-record limit)`
          : `about ${duration(progress.secondsLeft)} left`
    lines.push(`${speed}, ${left}`)
  }
  return lines
}

/** What the paused MessageBar says; "Resume" asks for a token again, which signs the user in again. */
export function interruptionText(progress: DownloadProgress): { title: string; body: string } {
  const error = progress.interruption
  const page = count.format(progress.pagesFetched + 1)
  if (error?.kind === 'unauthorized') {
    return {
      title: 'Sign in again to continue',
      body: `Your sign-in expired during the download. Choose Resume to sign in again; the download continues from page ${page} with nothing lost or repeated.`,
    }
  }
  return {
    title: 'Download paused',
    body: `${error?.userMessage ?? 'Microsoft Graph kept failing.'} Choose Resume to try page ${page} again.`,
  }
}

/** Records Graph sent in a shape this app cannot read are not written (read-records.ts); the file says how many. */
export function leftOutText(records: number): string {
  return `${recordsText(records)} could not be read and ${records === 1 ? 'was' : 'were'} left out of the file.`
}

export type ResultIntent = 'success' | 'warning' | 'error' | 'info'

export function resultText(
  result: DownloadResult,
  fileName: string,
): { intent: ResultIntent; title: string; body: string } {
  switch (result.outcome) {
    case 'completed':
      return result.recordsLeftOut > 0
        ? {
            intent: 'warning',
            title: 'Downloaded, with records left out',
            body: `${fileName}: ${recordsText(result.recordsWritten)}. ${leftOutText(result.recordsLeftOut)}`,
          }
        : {
            intent: 'success',
            title: 'Downloaded',
            body: `${fileName}: ${recordsText(result.recordsWritten)}.`,
          }
    case 'truncated':
      return {
        intent: 'warning',
        title: 'File truncated',
        body: `${fileName} holds the newest ${count.format(result.recordsWritten)} sign-ins, the download limit; more sign-ins match. Narrow the date range or add filters, then download again to get the rest.`,
      }
    case 'cancelled':
      return result.keptPartial
        ? {
            intent: 'info',
            title: 'Stopped',
            body: `${fileName} was saved with the first ${recordsText(result.recordsWritten)} only (partial file).`,
          }
        : { intent: 'info', title: 'Cancelled', body: 'No file was saved.' }
    case 'failed':
      return {
        intent: 'error',
        title: 'Download failed',
        body: `${result.error?.message ?? 'Unknown error.'} No file was saved.`,
      }
  }
}
