import { format } from 'date-fns'

/** portal-ui.md §2.4: "Show dates as" changes rendering only; queries stay UTC. */
export type DateDisplay = 'local' | 'utc'

const displayPattern = 'M/d/yyyy, h:mm:ss a'
const pad = (value: number) => String(value).padStart(2, '0')

/** Date cell text. UTC is composed from UTC parts (shifting a Date by its offset breaks near DST). */
export function formatSignInDate(iso: string | null | undefined, mode: DateDisplay): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  if (mode === 'local') return format(date, displayPattern)
  const hours = date.getUTCHours()
  const hour12 = hours % 12 === 0 ? 12 : hours % 12
  return (
    `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}, ` +
    `${hour12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'} UTC`
  )
}

/** What the Start/End inputs show: wall time in the "Show dates as" zone, the form analysts type. */
export function toDateTimeInput(date: Date, mode: DateDisplay): string {
  if (mode === 'local') return format(date, 'yyyy-MM-dd HH:mm')
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`
}
