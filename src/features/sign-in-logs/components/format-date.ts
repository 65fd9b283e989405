/** portal-ui.md §2.4: "Show dates as" changes rendering only; queries stay UTC. */
export type DateDisplay = 'local' | 'utc'

interface WallClock {
  year: number
  month: number
  day: number
  hours: number
  minutes: number
  seconds: number
}

/**
 * The date's wall clock in the chosen zone, read from the Date's own local or UTC getters. Shifting a Date
 * by its offset instead breaks near DST changes; a formatting library is not needed for two fixed patterns
 * (and kept date-fns out of the first screen, issue #7).
 */
function wallClock(date: Date, mode: DateDisplay): WallClock {
  return mode === 'utc'
    ? {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hours: date.getUTCHours(),
        minutes: date.getUTCMinutes(),
        seconds: date.getUTCSeconds(),
      }
    : {
        year: date.getFullYear(),
        month: date.getMonth() + 1,
        day: date.getDate(),
        hours: date.getHours(),
        minutes: date.getMinutes(),
        seconds: date.getSeconds(),
      }
}

const pad = (value: number) => String(value).padStart(2, '0')

/** Date cell text, the portal's US form `M/d/yyyy, h:mm:ss AM`; UTC is marked as such. */
export function formatSignInDate(iso: string | null | undefined, mode: DateDisplay): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const t = wallClock(date, mode)
  const hour12 = t.hours % 12 === 0 ? 12 : t.hours % 12
  const text =
    `${t.month}/${t.day}/${t.year}, ` +
    `${hour12}:${pad(t.minutes)}:${pad(t.seconds)} ${t.hours < 12 ? 'AM' : 'PM'}`
  return mode === 'utc' ? `${text} UTC` : text
}

/** What the Start/End inputs show: wall time in the "Show dates as" zone, the form analysts type. */
export function toDateTimeInput(date: Date, mode: DateDisplay): string {
  const t = wallClock(date, mode)
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hours)}:${pad(t.minutes)}`
}
