// "is not" pills (issue #12's "Filter out"): applied on the records (Graph has no `ne`/`not` for them),
// on summary rows where the row carries the field, and exactly the complement of the positive pill.
import { statusOfErrorCode } from '../model/status.ts'
import { tabById } from '../model/tabs.ts'
import { conditionsOf } from './conditions.ts'
import { signInsClause, summariesClause } from './odata.ts'
import { planFilters } from './plan.ts'
import { recordPredicate } from './record-predicate.ts'
import { tenantSignIns, tenantSummaries } from './testing/tenant-data.ts'

const interactive = tabById('interactive')
const nonInteractive = tabById('non-interactive')

test('a negated pill becomes an "is not" operator of its field kind', () => {
  expect(
    conditionsOf([
      { field: 'status', values: ['Success'], negated: true },
      { field: 'application', values: ['Teams'], negated: true },
      { field: 'ipAddress', values: ['10.'] },
    ]).map((condition) => condition.operator),
  ).toEqual(['notEq', 'notStartsWith', 'startsWith'])
})

test('Graph carries no "is not": neither /signIns nor the summaries get a clause', () => {
  for (const pill of [
    { field: 'status' as const, values: ['Success'] },
    { field: 'resourceId' as const, values: ['00000003-0000-0000-c000-000000000000'] },
  ]) {
    const [positive] = conditionsOf([pill])
    const [negative] = conditionsOf([{ ...pill, negated: true }])
    expect(signInsClause(positive!)).not.toBeNull()
    expect(signInsClause(negative!)).toBeNull()
    expect(summariesClause(negative!)).toBeNull()
  }
  const plan = planFilters(interactive, [{ field: 'status', values: ['Success'], negated: true }])
  expect(plan.signIns.clauses).toEqual([])
  expect(plan.onLoadedRows.map((condition) => condition.operator)).toEqual(['notEq'])
})

test('on records, "is not" keeps exactly the sign-ins the positive pill drops', () => {
  const records = tenantSignIns(interactive)
  const app = records.find((record) => record.appDisplayName)?.appDisplayName ?? ''
  for (const pill of [
    { field: 'status' as const, values: ['Success'] },
    { field: 'application' as const, values: [app] },
  ]) {
    // The positive pill is Graph's to apply; its record predicate says what Graph keeps.
    const keep = recordPredicate(conditionsOf([pill])[0]!)
    const keepOut = planFilters(interactive, [{ ...pill, negated: true }]).signIns.keep
    const kept = records.filter(keepOut)
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.length).toBeLessThan(records.length)
    for (const record of records) expect(keepOut(record)).toBe(!keep(record))
  }
  const notSuccess = planFilters(interactive, [{ field: 'status', values: ['Success'], negated: true }])
  expect(
    records.filter(notSuccess.signIns.keep).every((r) => statusOfErrorCode(r.status.errorCode) !== 'Success'),
  ).toBe(true)
})

test('on a grouped tab, "is not" on a field the rows carry keeps the groups from the summaries', () => {
  const plan = planFilters(nonInteractive, [{ field: 'status', values: ['Success'], negated: true }])
  expect(plan.groupsFrom).toBe('summaries')
  const rows = tenantSummaries(nonInteractive, 'd1')
  const kept = rows.filter(plan.summaries.keep)
  expect(kept.length).toBeGreaterThan(0)
  expect(kept.every((row) => row.status.errorCode !== 0)).toBe(true)
  expect(kept.length).toBe(rows.filter((row) => row.status.errorCode !== 0).length)
  // A field no summary row carries: the groups are built from the sign-ins instead.
  expect(planFilters(nonInteractive, [{ field: 'location', values: ['Se'], negated: true }]).groupsFrom).toBe(
    'sign-ins',
  )
})
