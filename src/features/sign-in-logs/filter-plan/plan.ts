/**
 * The one filter plan: for a tab and its pills, where each condition applies — the `/signIns` `$filter`,
 * the `getSummarized*` `$filter`, the loaded records, the loaded summary rows — and so where a grouped
 * tab's groups come from. Queries, the grouped view, the pills' notes, the footer and downloads read it.
 */
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import type { FilterFieldDefinition, FilterPill } from '../model/filter-fields.ts'
import type { TabDefinition } from '../model/tabs.ts'
import { conditionsOf, type FilterCondition } from './conditions.ts'
import { signInsClause, summariesClause } from './odata.ts'
import { recordPredicate } from './record-predicate.ts'
import { summaryRowPredicate } from './summary-row-predicate.ts'

export type SignInsTarget = { where: 'filter'; clause: string } | { where: 'records' }
export type SummariesTarget = { where: 'filter'; clause: string } | { where: 'rows' } | { where: 'none' }

export interface PlannedCondition {
  condition: FilterCondition
  signIns: SignInsTarget
  summaries: SummariesTarget
}

/** One query path: `$filter` clauses for Graph and a predicate for what it returns. */
export interface QueryPlan<T> {
  clauses: readonly string[]
  keep: (item: T) => boolean
  /** The conditions `keep` applies (on loaded rows rather than by Graph). */
  onLoadedRows: readonly FilterCondition[]
}

export interface FilterPlan {
  tab: TabDefinition
  conditions: readonly PlannedCondition[]
  /**
   * Grouped tabs: `summaries` while every condition is carried by the summary `$filter` or answered by
   * the summary rows; otherwise `sign-ins`, grouped on the client. Null on the interactive tab.
   */
  groupsFrom: 'summaries' | 'sign-ins' | null
  /** The individual sign-ins: the interactive list, a grouped tab's sign-ins and children, downloads. */
  signIns: QueryPlan<BetaSignIn>
  /** The summary rows; applies only while `groupsFrom` is `summaries`. */
  summaries: QueryPlan<SummarizedSignIn>
  /** The conditions this tab's grid applies on loaded rows, for the pills' notes and the footer. */
  onLoadedRows: readonly FilterCondition[]
}

function planCondition(condition: FilterCondition): PlannedCondition {
  const signIns = signInsClause(condition)
  const summaries = summariesClause(condition)
  return {
    condition,
    signIns: signIns === null ? { where: 'records' } : { where: 'filter', clause: signIns },
    summaries:
      summaries !== null
        ? { where: 'filter', clause: summaries }
        : summaryRowPredicate(condition)
          ? { where: 'rows' }
          : { where: 'none' },
  }
}

function allOf<T>(tests: ((item: T) => boolean)[]): (item: T) => boolean {
  return tests.length === 0 ? () => true : (item) => tests.every((test) => test(item))
}

function buildPlan(tab: TabDefinition, pills: readonly FilterPill[]): FilterPlan {
  const conditions = conditionsOf(pills).map(planCondition)
  const signInsOnRows = conditions.filter((c) => c.signIns.where === 'records').map((c) => c.condition)
  const summaryOnRows = conditions.filter((c) => c.summaries.where === 'rows').map((c) => c.condition)
  const signIns: QueryPlan<BetaSignIn> = {
    clauses: conditions.flatMap((c) => (c.signIns.where === 'filter' ? [c.signIns.clause] : [])),
    keep: allOf(signInsOnRows.map(recordPredicate)),
    onLoadedRows: signInsOnRows,
  }
  const summaries: QueryPlan<SummarizedSignIn> = {
    clauses: conditions.flatMap((c) => (c.summaries.where === 'filter' ? [c.summaries.clause] : [])),
    keep: allOf(summaryOnRows.flatMap((condition) => summaryRowPredicate(condition) ?? [])),
    onLoadedRows: summaryOnRows,
  }
  const groupsFrom = !tab.grouped
    ? null
    : conditions.every((c) => c.summaries.where !== 'none')
      ? 'summaries'
      : 'sign-ins'
  return {
    tab,
    conditions,
    groupsFrom,
    signIns,
    summaries,
    onLoadedRows: groupsFrom === 'summaries' ? summaryOnRows : signInsOnRows,
  }
}

// Predicates are stable per (tab, pills), so memoised views and `select` functions do not re-run.
const planCache = new Map<string, FilterPlan>()
const PLAN_CACHE_SIZE = 64

export function planFilters(tab: TabDefinition, pills: readonly FilterPill[]): FilterPlan {
  const key = `${tab.id}\u0000${JSON.stringify(pills)}`
  let plan = planCache.get(key)
  if (!plan) {
    plan = buildPlan(tab, pills)
    if (planCache.size >= PLAN_CACHE_SIZE) planCache.delete(planCache.keys().next().value ?? '')
    planCache.set(key, plan)
  }
  return plan
}

/** Whether this pill is applied on the loaded rows of this tab (with the other pills as they are). */
export function appliedOnLoadedRows(plan: FilterPlan, pill: FilterPill): boolean {
  return plan.onLoadedRows.some((condition) => condition.field === pill.field)
}

/**
 * For the Add filters list, before a value is chosen: whether Graph's `/signIns` `$filter` can never carry
 * this field, whatever the value (every choice, or a sample text), so the field is always matched on loaded rows.
 */
export function fieldAlwaysOnLoadedRows(field: FilterFieldDefinition): boolean {
  const samples =
    field.valueType === 'bool'
      ? ['true', 'false']
      : field.choices
        ? field.choices.map((choice) => choice.value)
        : ['sample']
  return samples.every(
    (value) => signInsClause({ field: field.id, operator: 'eq', values: [value] }) === null,
  )
}
