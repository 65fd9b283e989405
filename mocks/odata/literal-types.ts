import type { CompareOp, Literal } from './ast.ts'
import { invalidFilter } from './errors.ts'
import type { PropertyType } from './schema.ts'

/** The left operand of a comparison after schema lookup (a lambda variable is typed by its collection). */
export interface ResolvedOperand {
  path: string
  type: Exclude<PropertyType, 'stringCollection'>
  /** Operators allowed on this operand (a lambda variable gets the collection's inner operators). */
  allows: (op: string) => boolean
}

// ASP.NET OData's names, so our messages read like Graph's.
const OPERATOR_KIND: Readonly<Record<CompareOp, string>> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
}
const EDM_TYPE: Readonly<Record<Literal['kind'], string>> = {
  string: 'Edm.String',
  int: 'Edm.Int32',
  datetime: 'Edm.DateTimeOffset',
  bool: 'Edm.Boolean',
  null: 'null',
}
const PROPERTY_EDM_TYPE: Readonly<Record<PropertyType, string>> = {
  string: 'Edm.String',
  int: 'Edm.Int32',
  datetime: 'Edm.DateTimeOffset',
  bool: 'Edm.Boolean',
  stringCollection: 'Collection(Edm.String)',
}
const INT32_MIN = -(2 ** 31)
const INT32_MAX = 2 ** 31 - 1

/**
 * Spec §2.3: strings are quoted, errorCode is a bare integer, date-times are unquoted (a quoted date → 400).
 * `null` is accepted on string properties only (the non-string ones are non-nullable).
 */
export function checkLiteralType(operand: ResolvedOperand, op: CompareOp, value: Literal): void {
  const matches =
    (operand.type === 'string' &&
      (value.kind === 'string' || (value.kind === 'null' && (op === 'eq' || op === 'ne')))) ||
    (operand.type === 'int' &&
      value.kind === 'int' &&
      value.value >= INT32_MIN &&
      value.value <= INT32_MAX) ||
    (operand.type === 'datetime' && value.kind === 'datetime') ||
    (operand.type === 'bool' && value.kind === 'bool')
  if (!matches) {
    throw invalidFilter(
      `A binary operator with incompatible types was detected. Found operand types '${PROPERTY_EDM_TYPE[operand.type]}' ` +
        `and '${EDM_TYPE[value.kind]}' for operator kind '${OPERATOR_KIND[op]}'.`,
    )
  }
}
