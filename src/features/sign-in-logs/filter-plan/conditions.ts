/**
 * The filter model every emitter reads: the pills as typed conditions (field, operator, values), not
 * `$filter` text, so that another query language (SQL over an exported file, KQL in Log Analytics) can be
 * emitted from the same model beside OData.
 */
import { filterField, type FilterFieldId, type FilterPill } from '../model/filter-fields.ts'

/**
 * `eq`: the value identifies (an ID, a choice, a flag); `startsWith`: the value is the start of a name.
 * `notEq` / `notStartsWith` ("is not", issue #12's "Filter out"): none of the values matches. Emitters
 * switch on the operator, so each handles the negation explicitly.
 */
export type FilterOperator = 'eq' | 'startsWith' | 'notEq' | 'notStartsWith'

export function isNegation(operator: FilterOperator): boolean {
  return operator === 'notEq' || operator === 'notStartsWith'
}

export interface FilterCondition {
  field: FilterFieldId
  operator: FilterOperator
  /** Alternatives: a condition holds when any value matches (the Client app check list); negated, none. */
  values: readonly string[]
}

const operatorByValueType = {
  text: 'startsWith',
  id: 'eq',
  choice: 'eq',
  multi: 'eq',
  bool: 'eq',
} as const satisfies Record<string, FilterOperator>

const negationOf = { eq: 'notEq', startsWith: 'notStartsWith' } as const satisfies Record<
  string,
  FilterOperator
>

/** The applied pills as conditions; a pill without a value filters nothing and is left out. */
export function conditionsOf(pills: readonly FilterPill[]): FilterCondition[] {
  return pills.flatMap((pill) => {
    // Values are sent as typed (the pill editor trims them); a blank one means nothing.
    const values = pill.values.filter((value) => value.trim() !== '')
    if (values.length === 0) return []
    const operator = operatorByValueType[filterField(pill.field).valueType]
    return [{ field: pill.field, operator: pill.negated ? negationOf[operator] : operator, values }]
  })
}

/** Thrown for a value that must not reach a query as it stands; the message is for the user. */
export class FilterValueError extends Error {
  override name = 'FilterValueError'
}
