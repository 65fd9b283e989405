/** OData $filter engine of the fake Graph sign-in API (spec §2.2, §2.3, §4.2). */
export { ODataError } from './errors.ts'
export type { Literal, FilterAst, CompareOp } from './ast.ts'
export type { PropertyType, FilterProperty, FilterSchema, FilterOperator } from './schema.ts'
export { betaSignInFilterSchema, v1SignInFilterSchema, summaryFilterSchema } from './schema.ts'
export { parseFilter, MAX_FILTER_BYTES, MAX_FILTER_NESTING } from './parser.ts'
export { evaluateFilter } from './evaluate.ts'
export { dateBounds, equalityValues, eventTypesOf, type SignInEventType } from './analysis.ts'
export { formatFilter } from './format.ts'
