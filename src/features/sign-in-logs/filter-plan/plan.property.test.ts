import * as fc from 'fast-check'
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
// Tests only: the fake Graph's evaluator applies the emitted $filter as Graph would.
import {
  betaSignInFilterSchema,
  evaluateFilter,
  parseFilter,
  summaryFilterSchema,
} from '../../../../mocks/odata/index.ts'
import { filterFieldsFor, type FilterPill } from '../model/filter-fields.ts'
import { groupSignIns, type GroupedTabId } from '../model/group-sign-ins.ts'
import { tabDefinitions, type TabDefinition } from '../model/tabs.ts'
import type { AggregationWindow } from '../model/view-state.ts'
import { planFilters, type FilterPlan } from './plan.ts'
import { candidateValues, tenantSignIns, tenantSummaries } from './testing/tenant-data.ts'

const graphKeeps = (clauses: readonly string[], schema: typeof betaSignInFilterSchema) => {
  if (clauses.length === 0) return () => true
  const ast = parseFilter(clauses.join(' and '), schema)
  return (item: unknown) => evaluateFilter(ast, item, schema)
}

/** Groups as the app builds them from sign-ins: Graph's $filter, then the plan's record predicate. */
function groupsFromSignIns(tab: TabDefinition, plan: FilterPlan, window: AggregationWindow) {
  const graph = graphKeeps(plan.signIns.clauses, betaSignInFilterSchema)
  const records = tenantSignIns(tab).filter((record) => graph(record) && plan.signIns.keep(record))
  return new Map(
    groupSignIns(tab.id as GroupedTabId, window, records).map((g) => [g.summary.id, g.summary.signInCount]),
  )
}

/** Groups as Graph's summaries give them: the summary $filter, then the plan's summary-row predicate. */
function groupsFromSummaries(tab: TabDefinition, plan: FilterPlan, window: AggregationWindow) {
  const graph = graphKeeps(plan.summaries.clauses, summaryFilterSchema)
  const rows = tenantSummaries(tab, window).filter((row) => graph(row) && plan.summaries.keep(row))
  const counts = new Map<string, number>()
  // The fake may split one key set across rows; the grid shows Graph's rows, the counts must agree per key set.
  for (const row of rows) {
    const asSignIn = { ...row, createdDateTime: row.aggregationDateTime } as unknown as BetaSignIn
    const id = groupSignIns(tab.id as GroupedTabId, window, [asSignIn])[0]!.summary.id
    counts.set(id, (counts.get(id) ?? 0) + (row as SummarizedSignIn).signInCount)
  }
  return counts
}

const pillsOf = (tab: TabDefinition): fc.Arbitrary<FilterPill[]> => {
  const records = tenantSignIns(tab)
  const pill = fc.oneof(
    ...filterFieldsFor(tab.filterSet).flatMap((field) => {
      const values = candidateValues(field.id, records)
      const toPill = (value: string) => ({ field: field.id, values: [value] })
      return values.length === 0 ? [] : [fc.constantFrom(...values).map(toPill)]
    }),
  )
  // One pill per field, as the filter bar allows.
  return fc.uniqueArray(pill, { minLength: 1, maxLength: 3, selector: (p) => p.field })
}

describe('groups built from sign-ins equal the summaries wherever the summaries can carry the pills', () => {
  for (const tab of tabDefinitions.filter((t) => t.grouped)) {
    test(
      tab.label,
      () => {
        let compared = 0
        fc.assert(
          fc.property(pillsOf(tab), fc.constantFrom<AggregationWindow>('d1', 'h6', 'h1'), (pills, window) => {
            const plan = planFilters(tab, pills)
            if (plan.groupsFrom !== 'summaries') return
            compared++
            expect(groupsFromSignIns(tab, plan, window)).toEqual(groupsFromSummaries(tab, plan, window))
          }),
          { numRuns: 200, seed: 20261207 },
        )
        expect(compared).toBeGreaterThan(20)
      },
      60_000,
    )
  }
})
