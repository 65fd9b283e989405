import { allSignInsTab, tabById } from '../model/tabs.ts'
import { defaultViewState } from '../model/view-state.ts'
import { emptyReason } from './empty-reason.ts'

test('the empty state names the log type, and "All sign-ins" as sign-ins of any type', () => {
  expect(emptyReason(tabById('service-principal'), defaultViewState)).toMatch(
    /^No service principal sign-ins in the date range /,
  )
  const all = {
    ...defaultViewState,
    tab: 'all' as const,
    filters: { ...defaultViewState.filters, all: [{ field: 'status' as const, values: ['Failure'] }] },
  }
  expect(emptyReason(allSignInsTab, all)).toMatch(
    /^No sign-ins of any type in the date range .* match the filters "Status : Failure"/,
  )
})
