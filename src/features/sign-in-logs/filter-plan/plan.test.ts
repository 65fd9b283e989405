import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
// Tests only: the fake's own parser and evaluator judge every emitted $filter (graph-api.md §1.2, §2.2).
import {
  betaSignInFilterSchema,
  evaluateFilter,
  parseFilter,
  summaryFilterSchema,
} from '../../../../mocks/odata/index.ts'
import { filterFieldsFor, type FilterFieldId, type FilterPill } from '../model/filter-fields.ts'
import { groupSignIns, type GroupedTabId } from '../model/group-sign-ins.ts'
import { tabById, tabDefinitions, type TabDefinition } from '../model/tabs.ts'
import { conditionsOf } from './conditions.ts'
import { signInsClause, summariesClause } from './odata.ts'
import { appliedOnLoadedRows, fieldAlwaysOnLoadedRows, planFilters } from './plan.ts'
import { recordPredicate } from './record-predicate.ts'
import { summaryRowPredicate } from './summary-row-predicate.ts'
import { candidateValues, tenantSignIns, tenantSummaries } from './testing/tenant-data.ts'

type SignInsWhere = 'filter' | 'records'
type SummariesWhere = 'filter' | 'rows' | 'none'

/**
 * The decision for each field with a typical value: [/signIns, summaries]. Graph's signIns $filter covers
 * §2.2's properties; the summaries take §1.2's and their rows carry a few more.
 */
const expected: Record<FilterFieldId, [SignInsWhere, SummariesWhere]> = {
  requestId: ['filter', 'none'],
  correlationId: ['filter', 'none'],
  user: ['filter', 'none'], // a name: rows carry no display name
  application: ['filter', 'rows'], // a name: summaries take only `eq` on appDisplayName
  status: ['filter', 'filter'], // Success
  ipAddress: ['filter', 'filter'],
  location: ['filter', 'none'],
  resource: ['filter', 'filter'],
  resourceId: ['filter', 'filter'],
  conditionalAccess: ['filter', 'filter'],
  clientApp: ['filter', 'none'],
  operatingSystem: ['filter', 'none'],
  browser: ['filter', 'none'],
  authenticationRequirement: ['filter', 'none'],
  isCaeToken: ['records', 'none'],
  crossTenantAccessType: ['records', 'none'],
  authenticationProtocol: ['records', 'none'],
  incomingTokenType: ['records', 'none'],
  tokenIssuerType: ['records', 'rows'],
  userType: ['records', 'none'],
  uniqueTokenIdentifier: ['records', 'none'],
  sessionId: ['records', 'none'],
  signInIdentifier: ['records', 'none'],
  homeTenantId: ['records', 'none'],
  resourceTenantId: ['records', 'none'],
  flaggedForReview: ['records', 'none'],
  tokenProtectionStatusCode: ['records', 'none'],
  servicePrincipalId: ['filter', 'filter'],
  servicePrincipalName: ['filter', 'filter'],
  applicationId: ['filter', 'filter'],
  credentialKeyId: ['records', 'none'],
  managedIdentityId: ['filter', 'filter'],
  managedIdentityName: ['filter', 'filter'],
  managedIdentityType: ['records', 'filter'],
}

const typical: Partial<Record<FilterFieldId, string>> = {
  user: 'Adele',
  application: 'Microsoft Teams',
  status: 'Success',
  ipAddress: '10.1.',
}

const pillFor = (field: FilterFieldId, value?: string): FilterPill => {
  const definition = filterFieldsFor('user')
    .concat(filterFieldsFor('servicePrincipal'), filterFieldsFor('managedIdentity'))
    .find((f) => f.id === field)!
  const fallback =
    definition.valueType === 'bool'
      ? 'true'
      : (definition.choices?.[0]?.value ?? 'c0ffee00-0000-4000-8000-000000000001')
  return { field, values: [value ?? typical[field] ?? fallback] }
}

const groupedTabs = tabDefinitions.filter((tab) => tab.grouped)

describe('the plan decides, for every field of every tab, each target', () => {
  for (const tab of tabDefinitions) {
    for (const field of filterFieldsFor(tab.filterSet)) {
      test(`${tab.id} · ${field.id}`, () => {
        const [signIns, summaries] = expected[field.id]
        const plan = planFilters(tab, [pillFor(field.id)])
        const [planned] = plan.conditions
        expect(planned?.signIns.where).toBe(signIns)
        expect(planned?.summaries.where).toBe(summaries)
        // Where it cannot go to Graph, the predicate on loaded rows carries it.
        expect(plan.signIns.onLoadedRows.map((c) => c.field)).toEqual(signIns === 'records' ? [field.id] : [])
        expect(plan.summaries.onLoadedRows.map((c) => c.field)).toEqual(
          summaries === 'rows' ? [field.id] : [],
        )
        // Grouped tabs: groups from summaries exactly when the summaries carry the pill, else from sign-ins.
        expect(plan.groupsFrom).toBe(!tab.grouped ? null : summaries === 'none' ? 'sign-ins' : 'summaries')
        const onRows = tab.grouped && summaries !== 'none' ? summaries === 'rows' : signIns === 'records'
        expect(appliedOnLoadedRows(plan, pillFor(field.id))).toBe(onRows)
      })
    }
  }

  test.each<[string, SignInsWhere, SummariesWhere]>([
    ['Failure', 'records', 'rows'],
    ['Interrupted', 'filter', 'filter'],
  ])('Status = %s', (value, signIns, summaries) => {
    const [planned] = planFilters(tabById('non-interactive'), [
      { field: 'status', values: [value] },
    ]).conditions
    expect([planned?.signIns.where, planned?.summaries.where]).toEqual([signIns, summaries])
  })

  test.each<[string, SignInsWhere, SummariesWhere]>([
    ['adele.vance@contoso.com', 'filter', 'rows'],
    ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'filter', 'none'],
  ])('User = %s', (value, signIns, summaries) => {
    const [planned] = planFilters(tabById('non-interactive'), [{ field: 'user', values: [value] }]).conditions
    expect([planned?.signIns.where, planned?.summaries.where]).toEqual([signIns, summaries])
  })

  test('one pill the summaries cannot carry sends the whole grouped tab to sign-ins; no pill is left out', () => {
    const tab = tabById('non-interactive')
    const plan = planFilters(tab, [
      { field: 'status', values: ['Failure'] },
      { field: 'location', values: ['Paris'] },
      { field: 'isCaeToken', values: ['true'] },
    ])
    expect(plan.groupsFrom).toBe('sign-ins')
    expect(plan.signIns.clauses).toHaveLength(1)
    expect(plan.signIns.onLoadedRows.map((c) => c.field)).toEqual(['status', 'isCaeToken'])
    expect(plan.onLoadedRows).toBe(plan.signIns.onLoadedRows)
  })

  test('pills without a value are not conditions', () => {
    expect(
      conditionsOf([
        { field: 'user', values: [] },
        { field: 'location', values: ['  '] },
      ]),
    ).toEqual([])
    expect(planFilters(tabById('non-interactive'), [{ field: 'location', values: [] }]).groupsFrom).toBe(
      'summaries',
    )
  })

  test('the Add filters list names the fields Graph can never filter', () => {
    const flagged = filterFieldsFor('user')
      .filter(fieldAlwaysOnLoadedRows)
      .map((f) => f.id)
    expect(flagged).toEqual(
      filterFieldsFor('user')
        .map((f) => f.id)
        .filter((id) => expected[id][0] === 'records'),
    )
  })
})

/** For each tab and field: every value worth trying on the fake tenant's data. */
function* cases(tabs: readonly TabDefinition[]) {
  for (const tab of tabs) {
    const records = tenantSignIns(tab)
    for (const field of filterFieldsFor(tab.filterSet))
      for (const value of candidateValues(field.id, records)) yield { tab, records, field: field.id, value }
  }
}

describe('every emitter agrees with the fake Graph on the fake tenant', () => {
  test('/signIns $filter: parses, and keeps exactly the records the record predicate keeps', () => {
    let compared = 0
    for (const { tab, records, field, value } of cases(tabDefinitions)) {
      const [condition] = conditionsOf([{ field, values: [value] }])
      const clause = signInsClause(condition!)
      const keep = recordPredicate(condition!)
      if (clause === null) continue
      const ast = parseFilter(clause, betaSignInFilterSchema)
      const disagreements = records
        .filter((record) => evaluateFilter(ast, record) !== keep(record))
        .map((record) => record.id)
      expect({ tab: tab.id, field, value, disagreements }).toEqual({
        tab: tab.id,
        field,
        value,
        disagreements: [],
      })
      compared++
    }
    expect(compared).toBeGreaterThan(100)
  }, 60_000)

  test('summary $filter and summary-row predicate: a row is kept exactly when its sign-ins match', () => {
    let compared = 0
    for (const { tab, records, field, value } of cases(groupedTabs)) {
      const [condition] = conditionsOf([{ field, values: [value] }])
      const clause = summariesClause(condition!)
      const rowKeep = summaryRowPredicate(condition!)
      if (clause === null && rowKeep === null) continue
      const keepRecord = recordPredicate(condition!)
      // The oracle: the groups the record predicate leaves, with their counts.
      const expectedGroups = new Map(
        groupSignIns(tab.id as GroupedTabId, 'd1', records.filter(keepRecord)).map((g) => [
          g.summary.id,
          g.summary.signInCount,
        ]),
      )
      const ast = clause === null ? null : parseFilter(clause, summaryFilterSchema)
      const kept = tenantSummaries(tab, 'd1').filter((row) =>
        ast ? evaluateFilter(ast, row, summaryFilterSchema) : rowKeep!(row),
      )
      expect([field, value, countByGroup(tab, kept)]).toEqual([field, value, expectedGroups])
      if (ast && rowKeep) for (const row of kept) expect(rowKeep(row)).toBe(true)
      compared++
    }
    expect(compared).toBeGreaterThan(30)
  }, 60_000)
})

/** Summary rows keyed as groupSignIns keys its groups (the fake may split one key set across rows). */
function countByGroup(tab: TabDefinition, rows: readonly SummarizedSignIn[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const row of rows) {
    const asSignIn = { ...row, createdDateTime: row.aggregationDateTime } as unknown as BetaSignIn
    const [group] = groupSignIns(tab.id as GroupedTabId, 'd1', [asSignIn])
    const id = group!.summary.id
    counts.set(id, (counts.get(id) ?? 0) + row.signInCount)
  }
  return counts
}
