/** Typed literal of a $filter comparison (spec §2.3). */
export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'int'; value: number }
  /** `text` keeps the literal as written (up to 7 fraction digits, offsets); `value` is it truncated to ms. */
  | { kind: 'datetime'; value: Date; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'

export type FilterAst =
  | { kind: 'and' | 'or'; left: FilterAst; right: FilterAst }
  | { kind: 'not'; operand: FilterAst }
  /** `path` is slash-separated (`status/errorCode`); inside a lambda it is the lambda variable (`t`). */
  | { kind: 'compare'; op: CompareOp; path: string; value: Literal }
  | { kind: 'startswith'; path: string; value: string }
  /** `path` is the collection (`signInEventTypes`); `predicate` refers to elements through `variable`. */
  | { kind: 'any'; path: string; variable: string; predicate: FilterAst }
