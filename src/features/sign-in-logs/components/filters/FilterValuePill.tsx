import { useState } from 'react'
import {
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import {
  isPillServerSide,
  type FilterChoice,
  type FilterFieldDefinition,
  type FilterPill,
} from '../../model/filter-fields.ts'
import { PillNote, PillPopover } from './PillPopover.tsx'

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
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
})

const boolChoices: FilterChoice[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
]

export const clientSideNote = 'Applied to loaded rows: Graph cannot filter on this field.'

export function choicesOf(field: FilterFieldDefinition): FilterChoice[] {
  return field.valueType === 'bool' ? boolChoices : (field.choices ?? [])
}

export function pillValueText(field: FilterFieldDefinition, values: readonly string[]): string {
  if (values.length === 0) return 'None'
  const choices = choicesOf(field)
  return values.map((value) => choices.find((choice) => choice.value === value)?.label ?? value).join(', ')
}

/** The value editor inside a pill's popover, by value type (§2.6). */
function ValueEditor({
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

export function FilterValuePill({
  field,
  pill,
  open,
  onOpenChange,
  onApply,
}: {
  field: FilterFieldDefinition
  pill: FilterPill
  open: boolean
  onOpenChange: (open: boolean) => void
  onApply: (values: string[]) => void
}) {
  const [draft, setDraft] = useState<string[]>(pill.values)
  const trimmed = draft.map((value) => value.trim()).filter(Boolean)
  const appliedServerSide = isPillServerSide(pill)
  const draftServerSide = isPillServerSide({ field: pill.field, values: trimmed })
  return (
    <PillPopover
      value={field.id}
      text={`${field.label} : ${pillValueText(field, pill.values)}`}
      secondaryText={appliedServerSide || pill.values.length === 0 ? undefined : '(applied to loaded rows)'}
      heading={field.label}
      open={open}
      onOpenChange={(next) => {
        if (next) setDraft(pill.values)
        onOpenChange(next)
      }}
      applyDisabled={trimmed.length === 0}
      onApply={() => onApply(trimmed)}
      removeLabel={`Remove filter ${field.label}`}
    >
      <ValueEditor field={field} draft={draft} onDraft={setDraft} />
      {!draftServerSide && <PillNote>{clientSideNote}</PillNote>}
    </PillPopover>
  )
}
