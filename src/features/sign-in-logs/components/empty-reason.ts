import { filterFieldsFor } from '../model/filter-fields.ts'
import type { ViewTab } from '../model/tabs.ts'
import type { ViewState } from '../model/view-state.ts'
import { dateRangeText } from './filters/DateRangePill.tsx'
import { pillValueText } from './filters/FilterValuePill.tsx'

/** The empty state says why (brief): the date range and every active filter, by name. */
export function emptyReason(tab: ViewTab, state: ViewState): string {
  const fields = filterFieldsFor(tab.filterSet)
  const filters = state.filters[tab.filterSet].flatMap((pill) => {
    const field = fields.find((candidate) => candidate.id === pill.field)
    return field ? [`${field.label} : ${pillValueText(field, pill.values)}`] : []
  })
  const range = dateRangeText(state.range, state.dates)
  const what = tab.id === 'all' ? 'sign-ins of any type' : tab.label.toLowerCase()
  if (filters.length === 0) {
    return `No ${what} in the date range "${range}". Try a longer date range.`
  }
  return (
    `No ${what} in the date range "${range}" match the filters ${filters.map((f) => `"${f}"`).join(', ')}. ` +
    'Remove a filter or try a longer date range.'
  )
}
