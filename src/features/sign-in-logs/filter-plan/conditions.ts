/**
 * The filter model every emitter reads: the pills as typed conditions (field, operator, values), not
 * `$filter` text, so that another query language (SQL over an exported file, KQL in Log Analytics) can be
 * emitted from the same model beside OData.
 */
import { filterField, type FilterFieldId, type FilterPill } from '../model/filter-fields.ts'

/**
 * `eq`: the value identifies (an ID, a choice, a flag); `startsWith`: the value is the start of a name.
 * Issue #12's "Filter out" adds a negating operator; emitters switch on the operator so that one is
 * handled explicitly by each of them.
 */
export type FilterOperator = 'eq' | 'startsWith'

export interface FilterCondition {
  field: FilterFieldId
  operator: FilterOperator
  /** Alternatives: a condition holds when any value matches (the Client app check list). */
  values: readonly string[]
}

const operatorByValueType = {
  text: 'startsWith',
  id: 'eq',
  choice: 'eq',
  multi: 'eq',
  bool: 'eq',
} as const satisfies Record<string, FilterOperator>

/** The applied pills as conditions; a pill without a value filters nothing and is left out. */
export function conditionsOf(pills: readonly FilterPill[]): FilterCondition[] {
  return pills.flatMap((pill) => {
    // Values are sent as typed (the pill editor trims them); a blank one means nothing.
    const values = pill.values.filter((value) => value.trim() !== '')
    if (values.length === 0) return []
    return [{ field: pill.field, operator: operatorByValueType[filterField(pill.field).valueType], values }]
  })
}

/** Thrown for a value that must not reach a query as it stands; the message is for the user. */
export class FilterValueError extends Error {
  override name = 'FilterValueError'
}
