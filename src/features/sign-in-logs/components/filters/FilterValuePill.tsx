import { useState } from 'react'
import { appliedOnLoadedRows, fieldAlwaysOnLoadedRows, planFilters } from '../../filter-plan/index.ts'
import type { FilterChoice, FilterFieldDefinition, FilterPill } from '../../model/filter-fields.ts'
import type { TabDefinition } from '../../model/tabs.ts'
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

/** Whether the filter plan of this tab, with `pill` among the applied pills, matches it on loaded rows. */
function onLoadedRows(tab: TabDefinition, applied: readonly FilterPill[], pill: FilterPill): boolean {
  const pills = [...applied.filter((other) => other.field !== pill.field), pill]
  return appliedOnLoadedRows(planFilters(tab, pills), pill)
}

export function FilterValuePill({
  tab,
  applied,
  field,
  pill,
  open,
  onOpenChange,
  onApply,
}: {
  tab: TabDefinition
  /** Every applied pill of the tab: where one pill applies can depend on the others (grouped tabs). */
  applied: readonly FilterPill[]
  field: FilterFieldDefinition
  pill: FilterPill
  open: boolean
  onOpenChange: (open: boolean) => void
  onApply: (values: string[]) => void
}) {
  const [draft, setDraft] = useState<string[]>(pill.values)
  const trimmed = draft.map((value) => value.trim()).filter(Boolean)
  const appliedOnRows = onLoadedRows(tab, applied, pill)
  const draftOnRows =
    trimmed.length > 0
      ? onLoadedRows(tab, applied, { ...pill, values: trimmed })
      : fieldAlwaysOnLoadedRows(field)
  const editors = useOnDemand(filterEditors, open)
  return (
    <PillPopover
      value={field.id}
      text={`${field.label} : ${pill.negated ? 'is not ' : ''}${pillValueText(field, pill.values)}`}
      secondaryText={appliedOnRows ? '(applied to loaded rows)' : undefined}
      heading={pill.negated ? `${field.label} is not` : field.label}
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
      {draftOnRows && <PillNote>{clientSideNote}</PillNote>}
    </PillPopover>
  )
}
