/**
 * The calendar and the time picker beside a typed Start or End (portal-ui.md §2.3), loaded only when "Custom time
 * interval" is chosen (editors.tsx lazy-loads this module: Fluent's pickers are not first-screen code).
 *
 * The text box stays the one value: the pickers show the wall clock of its text in the "Show dates as" zone and
 * write a new text when the user picks, so typed and pasted text keep working and the same validation applies.
 * Both pickers render inline, inside the filter popover's focus trap (a portal would sit outside it).
 */
import { useState } from 'react'
import { makeStyles, tokens } from '@fluentui/react-components'
import { DatePicker } from '@fluentui/react-datepicker-compat'
import { TimePicker } from '@fluentui/react-timepicker-compat'
import { DAY_MS, RETENTION_DAYS } from '../../model/view-state.ts'
import { parseDateTimeInput } from '../../model/date-input.ts'
import { toDateTimeInput, type DateDisplay } from '../format-date.ts'

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  date: { minWidth: '150px' },
  time: { minWidth: '110px' },
})

/** The instant's wall clock in `dates`, as a Date whose local fields hold it (the pickers work in local fields). */
function wallClock(instant: Date, dates: DateDisplay): Date {
  if (dates === 'local') return new Date(instant)
  return new Date(
    instant.getUTCFullYear(),
    instant.getUTCMonth(),
    instant.getUTCDate(),
    instant.getUTCHours(),
    instant.getUTCMinutes(),
  )
}

/** A wall clock back to text; text without an offset is read in the "Show dates as" zone (date-input.ts). */
const wallText = (wall: Date) => toDateTimeInput(wall, 'local')

const dayText = (date?: Date) => (date ? wallText(date).slice(0, 10) : '')
const timeText = (date: Date | null) => (date ? wallText(date).slice(11) : '')

export function DateTimePickers({
  label,
  text,
  dates,
  now,
  onText,
}: {
  label: 'Start' | 'End'
  /** the Start or End text as typed */
  text: string
  dates: DateDisplay
  /** the page's clock: "today" in the calendar and the 30 days it offers */
  now: Date
  onText: (text: string) => void
}) {
  const styles = useStyles()
  const parsed = parseDateTimeInput(text, dates)
  const wall = parsed ? wallClock(parsed, dates) : null
  const today = wallClock(now, dates)
  // Unreadable text: a picked time lands on today's date, a picked date at midnight.
  const anchor = wall ?? new Date(today.getFullYear(), today.getMonth(), today.getDate())
  const firstDay = wallClock(new Date(now.getTime() - RETENTION_DAYS * DAY_MS), dates)
  // What the user is typing into the time box, until it is committed (Enter, blur or a pick); null: the text's time.
  const [typedTime, setTypedTime] = useState<string | null>(null)

  return (
    <div className={styles.row}>
      <DatePicker
        className={styles.date}
        aria-label={`${label} date`}
        placeholder="Pick a date"
        inlinePopup
        value={wall}
        today={today}
        minDate={new Date(firstDay.getFullYear(), firstDay.getMonth(), firstDay.getDate())}
        maxDate={today}
        formatDate={dayText}
        onSelectDate={(day) => {
          if (!day) return
          const next = new Date(day)
          next.setHours(anchor.getHours(), anchor.getMinutes(), 0, 0)
          onText(wallText(next))
        }}
      />
      <TimePicker
        className={styles.time}
        aria-label={`${label} time`}
        placeholder="HH:mm"
        inlinePopup
        freeform
        hourCycle="h23"
        increment={30}
        dateAnchor={anchor}
        selectedTime={wall}
        value={typedTime ?? timeText(wall)}
        onChange={(event) => setTypedTime(event.currentTarget.value)}
        onTimeChange={(_, data) => {
          // An unreadable time stays in the box as typed; the Start/End text (and its message) is unchanged.
          if (!data.selectedTime) return
          setTypedTime(null)
          onText(wallText(data.selectedTime))
        }}
      />
    </div>
  )
}

export default DateTimePickers
