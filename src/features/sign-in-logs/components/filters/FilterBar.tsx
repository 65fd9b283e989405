import { useState } from 'react'
import { TagGroup, makeStyles, tokens } from '@fluentui/react-components'
import { filterFieldsFor, type FilterFieldId, type FilterPill } from '../../model/filter-fields.ts'
import { planTabOf, type ViewTab } from '../../model/tabs.ts'
import type { AggregationWindow, ViewState } from '../../model/view-state.ts'
import type { DateDisplay } from '../format-date.ts'
import { AddFiltersButton } from './AddFiltersButton.tsx'
import { ChoicePill } from './ChoicePill.tsx'
import { DateRangePill } from './DateRangePill.tsx'
import { FilterValuePill } from './FilterValuePill.tsx'

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  tags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
})

const dateDisplayOptions = [
  { value: 'local', label: 'Local' },
  { value: 'utc', label: 'UTC' },
] as const satisfies readonly { value: DateDisplay; label: string }[]

/** §2.5 / §1.1 map: 24 hours→d1, 6 hours→h6, 1 hour→h1. */
const aggregateOptions = [
  { value: 'd1', label: '24 hours' },
  { value: 'h6', label: '6 hours' },
  { value: 'h1', label: '1 hour' },
] as const satisfies readonly { value: AggregationWindow; label: string }[]

export interface FilterBarProps {
  tab: ViewTab
  state: ViewState
  now: Date
  onChange: (update: Partial<ViewState> | ((state: ViewState) => ViewState)) => void
}

/** portal-ui.md §2.2: Date, Show dates as, Time aggregate (grouped only), one pill per filter, Add filters. */
export function FilterBar({ tab, state, now, onChange }: FilterBarProps) {
  const styles = useStyles()
  const fields = filterFieldsFor(tab.filterSet)
  const pills = state.filters[tab.filterSet]
  const [openField, setOpenField] = useState<FilterFieldId | null>(null)
  // Fields picked in "Add filters" whose value is not applied yet: shown as pills, not yet in the URL/query.
  const [pending, setPending] = useState<FilterFieldId[]>([])
  const shownPills: FilterPill[] = [
    ...pills,
    ...pending
      .filter((field) => !pills.some((pill) => pill.field === field))
      .map((field) => ({ field, values: [] })),
  ]

  const setPills = (next: (pills: FilterPill[]) => FilterPill[]) =>
    onChange((current) => ({
      ...current,
      filters: { ...current.filters, [tab.filterSet]: next(current.filters[tab.filterSet]) },
    }))

  return (
    <div className={styles.root}>
      <TagGroup
        aria-label="Filters"
        className={styles.tags}
        onDismiss={(_, data) => {
          setPending((current) => current.filter((field) => field !== data.value))
          setPills((current) => current.filter((pill) => pill.field !== data.value))
        }}
      >
        <DateRangePill
          range={state.range}
          dates={state.dates}
          now={now}
          onChange={(range) => onChange({ range })}
        />
        <ChoicePill
          id="dates"
          label="Show dates as"
          value={state.dates}
          options={dateDisplayOptions}
          onChange={(dates) => onChange({ dates })}
        />
        {tab.grouped && (
          <ChoicePill
            id="aggregate"
            label="Time aggregate"
            value={state.aggregate}
            options={aggregateOptions}
            onChange={(aggregate) => onChange({ aggregate })}
          />
        )}
        {shownPills.map((pill) => {
          const definition = fields.find((candidate) => candidate.id === pill.field)
          if (!definition) return null
          return (
            <FilterValuePill
              key={pill.field}
              tab={planTabOf(tab)}
              applied={pills}
              field={definition}
              pill={pill}
              open={openField === pill.field}
              onOpenChange={(open) => {
                setOpenField(open ? pill.field : null)
                // Closing a new pill without Apply drops it: an empty filter means nothing.
                if (!open)
                  setPending((current) =>
                    current.filter((field) => field !== pill.field || pill.values.length > 0),
                  )
              }}
              onApply={(values) => {
                setPending((current) => current.filter((field) => field !== pill.field))
                setPills((current) =>
                  current.some((item) => item.field === pill.field)
                    ? current.map((item) => (item.field === pill.field ? { ...item, values } : item))
                    : [...current, { field: pill.field, values }],
                )
                setOpenField(null)
              }}
            />
          )
        })}
      </TagGroup>
      <AddFiltersButton
        fields={fields}
        activeFieldIds={shownPills.map((pill) => pill.field)}
        onAdd={(added) => {
          setPending((current) => [...current, ...added])
          // The portal asks for the value next (§2.6): open the first new pill's editor.
          setOpenField(added[0] ?? null)
        }}
      />
    </div>
  )
}
