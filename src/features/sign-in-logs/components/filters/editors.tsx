/**
 * The bodies of the filter popovers (portal-ui.md §2.2–§2.6), loaded on first use via filter-editors.ts.
 * State (drafts) stays in the pills; these render and report edits.
 */
import { Suspense, useEffect, useRef, type ReactElement, type ReactNode, type RefObject } from 'react'
import { retryableLazy } from '../../../../components/retryable-lazy.tsx'
import {
  Checkbox,
  Field,
  Input,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { fieldAlwaysOnLoadedRows } from '../../filter-plan/index.ts'
import { parseDateTimeInput, validateCustomRange } from '../../model/date-input.ts'
import type { FilterFieldDefinition, FilterFieldId } from '../../model/filter-fields.ts'
import { DATE_INPUT_HINT, type DateRange } from '../../model/view-state.ts'
import type { DateDisplay } from '../format-date.ts'
import { choicesOf } from './FilterValuePill.tsx'
import { datePresetLabels, type DateDraft, type PresetChoice } from './DateRangePill.tsx'

// Fluent's calendar and time picker load only when "Custom time interval" is chosen (not with the other editors).
const DateTimePickers = retryableLazy(() => import('./DateTimePickers.tsx'))

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column' },
  groupLabel: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  list: {
    maxHeight: '320px',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    border: 'none',
    margin: 0,
    padding: 0,
  },
  fieldList: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '360px',
    overflowY: 'auto',
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
})

/** A single choice (Show dates as §2.4, Time aggregate §2.5). */
export function ChoiceEditor<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: T
  options: readonly { value: T; label: string }[]
  onChange: (value: T) => void
}) {
  return (
    <RadioGroup
      aria-label={label}
      value={value}
      onChange={(_, data) => {
        const picked = options.find((option) => option.value === data.value)
        if (picked) onChange(picked.value)
      }}
    >
      {options.map((option) => (
        <Radio key={option.value} value={option.value} label={option.label} />
      ))}
    </RadioGroup>
  )
}

/**
 * Field messages: unreadable text first, then the range rules of view-state (§2.3). Text without an
 * offset is read in the "Show dates as" zone, the zone the inputs are shown in.
 */
export function validateDateDraft(
  draft: DateDraft,
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

/** §2.3: the presets, and Start/End for a custom interval with inline messages once touched. */
export function DateRangeEditor({
  draft,
  dates,
  now,
  messages,
  onDraft,
}: {
  draft: DateDraft
  dates: DateDisplay
  /** the page's clock, for the calendar's today and its 30 days */
  now: Date
  /** undefined: nothing to show yet (untouched, or not custom) */
  messages: { start?: string; end?: string } | undefined
  /** `touched`: the user typed (messages may show from now on) */
  onDraft: (change: Partial<DateDraft>, touched: boolean) => void
}) {
  return (
    <>
      <RadioGroup
        aria-label="Date range"
        value={draft.preset}
        onChange={(_, data) => onDraft({ preset: data.value as PresetChoice }, false)}
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
            validationMessage={messages?.start}
            validationState={messages?.start ? 'error' : 'none'}
          >
            <Input value={draft.start} onChange={(_, data) => onDraft({ start: data.value }, true)} />
          </Field>
          <Suspense fallback={null}>
            <DateTimePickers
              label="Start"
              text={draft.start}
              dates={dates}
              now={now}
              onText={(start) => onDraft({ start }, true)}
            />
          </Suspense>
          <Field
            label="End"
            validationMessage={messages?.end}
            validationState={messages?.end ? 'error' : 'none'}
          >
            <Input value={draft.end} onChange={(_, data) => onDraft({ end: data.value }, true)} />
          </Field>
          <Suspense fallback={null}>
            <DateTimePickers
              label="End"
              text={draft.end}
              dates={dates}
              now={now}
              onText={(end) => onDraft({ end }, true)}
            />
          </Suspense>
        </>
      )}
    </>
  )
}

/** The value editor inside a filter pill's popover, by value type (§2.6). */
export function ValueEditor({
  field,
  draft,
  onDraft,
}: {
  field: FilterFieldDefinition
  draft: string[]
  onDraft: (values: string[]) => void
}) {
  const styles = useStyles()
  if (field.valueType === 'text' || field.valueType === 'id') {
    return (
      <Field label={field.label}>
        <Input value={draft[0] ?? ''} onChange={(_, data) => onDraft(data.value ? [data.value] : [])} />
      </Field>
    )
  }
  const choices = choicesOf(field)
  if (field.valueType === 'multi') {
    const groups = [...new Set(choices.map((choice) => choice.group ?? ''))]
    return (
      <fieldset className={styles.list}>
        <legend className={styles.legend}>{field.label}</legend>
        {groups.map((group) => (
          <div key={group} className={styles.group}>
            {group && <Text className={styles.groupLabel}>{group}</Text>}
            {choices
              .filter((choice) => (choice.group ?? '') === group)
              .map((choice) => (
                <Checkbox
                  key={choice.value}
                  label={choice.label}
                  checked={draft.includes(choice.value)}
                  onChange={(_, data) =>
                    onDraft(
                      data.checked
                        ? [...draft, choice.value]
                        : draft.filter((value) => value !== choice.value),
                    )
                  }
                />
              ))}
          </div>
        ))}
      </fieldset>
    )
  }
  return (
    <RadioGroup aria-label={field.label} value={draft[0] ?? ''} onChange={(_, data) => onDraft([data.value])}>
      {choices.map((choice) => (
        <Radio key={choice.value} value={choice.value} label={choice.label} />
      ))}
    </RadioGroup>
  )
}

/** §2.6 "+ Add filters": one checkbox per field not in use yet. */
export function FieldPicker({
  fields,
  picked,
  onPicked,
}: {
  fields: readonly FilterFieldDefinition[]
  picked: readonly FilterFieldId[]
  onPicked: (update: (current: FilterFieldId[]) => FilterFieldId[]) => void
}) {
  const styles = useStyles()
  return (
    <fieldset className={styles.fieldList}>
      <legend className={styles.legend}>Filter fields</legend>
      {fields.map((field) => (
        <Checkbox
          key={field.id}
          label={fieldAlwaysOnLoadedRows(field) ? `${field.label} (applied to loaded rows)` : field.label}
          checked={picked.includes(field.id)}
          onChange={(_, data) =>
            onPicked((current) =>
              data.checked ? [...current, field.id] : current.filter((id) => id !== field.id),
            )
          }
        />
      ))}
    </fieldset>
  )
}

/**
 * The popover of a filter pill or of "Add filters" (Fluent Popover and its positioning load with the editors).
 * Mounted once the user first opens it; until then PillPopover/AddFiltersButton render `trigger` alone.
 */
export function FilterPopover({
  open,
  onOpenChange,
  trigger,
  triggerRef,
  surfaceClassName,
  label,
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** the element that opened it; `triggerRef` must be attached to it */
  trigger: ReactElement
  triggerRef: RefObject<HTMLElement | null>
  surfaceClassName: string
  label: string
  children: ReactNode
}) {
  const surfaceRef = useRef<HTMLDivElement>(null)
  const wasOpen = useRef(open)
  // Fluent's focus restorer returns focus to a trigger that had focus before the popover opened. The first
  // opening mounts this trigger in place of the one that was clicked, so do what the restorer would: focus
  // the trigger if focus would otherwise be lost (still in the closing surface, or on the body).
  useEffect(() => {
    if (wasOpen.current && !open) {
      const active = document.activeElement
      if (!active || active === document.body || surfaceRef.current?.contains(active))
        triggerRef.current?.focus()
    }
    wasOpen.current = open
  }, [open, triggerRef])
  return (
    <Popover open={open} onOpenChange={(_, data) => onOpenChange(data.open)} trapFocus withArrow>
      <PopoverTrigger disableButtonEnhancement>{trigger}</PopoverTrigger>
      <PopoverSurface ref={surfaceRef} className={surfaceClassName} aria-label={label}>
        {children}
      </PopoverSurface>
    </Popover>
  )
}
