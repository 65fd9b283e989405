/** The filter plan and its emitters (OData for /signIns and the summaries, record and summary-row predicates). */
export {
  conditionsOf,
  FilterValueError,
  isNegation,
  type FilterCondition,
  type FilterOperator,
} from './conditions.ts'
export { errorCodeClause, errorCodeLiteral, signInsClause, summariesClause } from './odata.ts'
export { recordPredicate } from './record-predicate.ts'
export { summaryRowPredicate } from './summary-row-predicate.ts'
export {
  appliedOnLoadedRows,
  fieldAlwaysOnLoadedRows,
  planFilters,
  type FilterPlan,
  type PlannedCondition,
  type QueryPlan,
} from './plan.ts'
