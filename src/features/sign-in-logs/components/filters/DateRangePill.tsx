import { useState } from 'react'
import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components'
import {
  DATE_INPUT_HINT,
  parseDateTimeInput,
  resolveDateRange,
  validateCustomRange,
  type DateRange,
  type DateRangePreset,
} from '../../model/view-state.ts'
import { formatSignInDate, toDateTimeInput, type DateDisplay } from '../format-date.ts'
import { PillPopover } from './PillPopover.tsx'

type PresetChoice = DateRangePreset | 'custom'

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

interface Draft {
  preset: PresetChoice
  start: string
  end: string
}

function draftFrom(range: DateRange, now: Date, dates: DateDisplay): Draft {
  const { from, to } = resolveDateRange(range, now)
  return { preset: range.preset, start: toDateTimeInput(from, dates), end: toDateTimeInput(to, dates) }
}

/**
 * Field messages: unreadable text first, then the range rules of view-state (§2.3). Text without an
 * offset is read in the "Show dates as" zone, the zone the inputs are shown in.
 */
function validateDraft(
  draft: Draft,
  now: Date,
  dates: DateDisplay,
): { start?: string; end?: string; range?: DateRange } {
  const start = parseDateTimeInput(draft.start, dates)
  const end = parseDateTimeInput(draft.end, dates)
  if (!start || !end) {
    return { start: start ? undefined : DATE_INPUT_HINT, end: end ? undefined : DATE_INPUT_HINT }
  }
  const messages = validateCustomRange(start.toISOString(), end.toISOString(), now)
  if (messages.start || messages.end) return messages
  return { range: { preset: 'custom', start: start.toISOString(), end: end.toISOString() } }
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
  const [draft, setDraft] = useState<Draft>(() => draftFrom(range, now, dates))
  const [touched, setTouched] = useState(false)
  const validation = draft.preset === 'custom' ? validateDraft(draft, now, dates) : {}
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
    if (validation.range) {
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
      <RadioGroup
        aria-label="Date range"
        value={draft.preset}
        onChange={(_, data) => setDraft((current) => ({ ...current, preset: data.value as PresetChoice }))}
      >
        {(Object.keys(datePresetLabels) as PresetChoice[]).map((preset) => (
          <Radio key={preset} value={preset} label={datePresetLabels[preset]} />
        ))}
      </RadioGroup>
      {draft.preset === 'custom' && (
        <>
          <Field
            label="Start"
            hint={`${dates === 'utc' ? 'UTC' : 'Local time'}; ISO 8601 with Z or an offset also works`}
            validationMessage={showMessages ? validation.start : undefined}
            validationState={showMessages && validation.start ? 'error' : 'none'}
          >
            <Input
              value={draft.start}
              onChange={(_, data) => {
                setTouched(true)
                setDraft((current) => ({ ...current, start: data.value }))
              }}
            />
          </Field>
          <Field
            label="End"
            validationMessage={showMessages ? validation.end : undefined}
            validationState={showMessages && validation.end ? 'error' : 'none'}
          >
            <Input
              value={draft.end}
              onChange={(_, data) => {
                setTouched(true)
                setDraft((current) => ({ ...current, end: data.value }))
              }}
            />
          </Field>
        </>
      )}
    </PillPopover>
  )
}
