import { useState } from 'react'
import {
  isPillServerSide,
  type FilterChoice,
  type FilterFieldDefinition,
  type FilterPill,
} from '../../model/filter-fields.ts'
import { useOnDemand } from '../on-demand.ts'
import { filterEditors } from './filter-editors.ts'
import { EditorUnavailable, PillNote, PillPopover } from './PillPopover.tsx'

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
  const editors = useOnDemand(filterEditors, open)
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
      {editors.module ? (
        <editors.module.ValueEditor field={field} draft={draft} onDraft={setDraft} />
      ) : (
        <EditorUnavailable error={editors.error} />
      )}
      {!draftServerSide && <PillNote>{clientSideNote}</PillNote>}
    </PillPopover>
  )
}
