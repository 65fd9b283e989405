import { useState } from 'react'
import { resolveDateRange, type DateRange, type DateRangePreset } from '../../model/view-state.ts'
import { formatSignInDate, toDateTimeInput, type DateDisplay } from '../format-date.ts'
import { useOnDemand } from '../on-demand.ts'
import { filterEditors } from './filter-editors.ts'
import { EditorUnavailable, PillPopover } from './PillPopover.tsx'

export type PresetChoice = DateRangePreset | 'custom'

/** §2.3 preset labels. */
export const datePresetLabels: Record<PresetChoice, string> = {
  '1m': 'Last 1 month',
  '7d': 'Last 7 days',
  '24h': 'Last 24 hours',
  custom: 'Custom time interval',
}

export function dateRangeText(range: DateRange, dates: DateDisplay): string {
  if (range.preset !== 'custom') return datePresetLabels[range.preset]
  return `${formatSignInDate(range.start, dates)} - ${formatSignInDate(range.end, dates)}`
}

/** The editor's state: the preset picked and the Start/End text as typed. */
export interface DateDraft {
  preset: PresetChoice
  start: string
  end: string
}

function draftFrom(range: DateRange, now: Date, dates: DateDisplay): DateDraft {
  const { from, to } = resolveDateRange(range, now)
  return { preset: range.preset, start: toDateTimeInput(from, dates), end: toDateTimeInput(to, dates) }
}

export function DateRangePill({
  range,
  dates,
  now,
  onChange,
}: {
  range: DateRange
  dates: DateDisplay
  now: Date
  onChange: (range: DateRange) => void
}) {
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<DateDraft>(() => draftFrom(range, now, dates))
  const [touched, setTouched] = useState(false)
  const editors = useOnDemand(filterEditors, open)
  // The validators load with the editor (date parsing is not first-screen code); Apply needs the editor open.
  const validation =
    draft.preset === 'custom' && editors.module ? editors.module.validateDateDraft(draft, now, dates) : {}
  const showMessages = draft.preset === 'custom' && touched

  const openChange = (next: boolean) => {
    if (next) {
      setDraft(draftFrom(range, now, dates))
      setTouched(false)
    }
    setOpen(next)
  }
  const apply = () => {
    if (draft.preset !== 'custom') {
      onChange({ preset: draft.preset })
      setOpen(false)
      return
    }
    setTouched(true)
    if ('range' in validation && validation.range) {
      onChange(validation.range)
      setOpen(false)
    }
  }

  return (
    <PillPopover
      value="date"
      text={`Date : ${dateRangeText(range, dates)}`}
      heading="Date"
      open={open}
      onOpenChange={openChange}
      onApply={apply}
    >
      {editors.module ? (
        <editors.module.DateRangeEditor
          draft={draft}
          dates={dates}
          now={now}
          messages={showMessages ? validation : undefined}
          onDraft={(change, typed) => {
            if (typed) setTouched(true)
            setDraft((current) => ({ ...current, ...change }))
          }}
        />
      ) : (
        <EditorUnavailable error={editors.error} />
      )}
    </PillPopover>
  )
}
