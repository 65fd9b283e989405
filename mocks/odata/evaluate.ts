import type { CompareOp, FilterAst, Literal } from './ast.ts'
import { compareInstants, instantOf, literalInstant } from './datetime.ts'
import { graphCaseRulesSchema, type FilterSchema } from './schema.ts'

/** Lambda variables in scope: name → the element bound to it and whether its collection compares case-insensitively. */
type Bindings = ReadonlyMap<string, { element: unknown; caseInsensitive: boolean }>

const NO_BINDINGS: Bindings = new Map()

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads `a/b/c`; anything missing or not an object on the way is `undefined` (null-safe, never throws). */
function readPath(record: unknown, path: string, bindings: Bindings): unknown {
  const segments = path.split('/')
  const head = segments[0] ?? ''
  const bound = bindings.get(head)
  let current: unknown = bound ? bound.element : record
  for (const segment of bound ? segments.slice(1) : segments) {
    if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined
    current = current[segment]
  }
  return current
}

function ordered(op: CompareOp, sign: number): boolean {
  switch (op) {
    case 'eq':
      return sign === 0
    case 'ne':
      return sign !== 0
    case 'gt':
      return sign > 0
    case 'ge':
      return sign >= 0
    case 'lt':
      return sign < 0
    case 'le':
      return sign <= 0
  }
}

/**
 * Sign of (record value − literal), or undefined when they cannot be compared (null, missing, other type).
 * Strings compare ordinally; `caseInsensitive` folds case first (spec §2.2).
 */
function compareValues(actual: unknown, literal: Literal, caseInsensitive: boolean): number | undefined {
  switch (literal.kind) {
    case 'string': {
      if (typeof actual !== 'string') return undefined
      const [a, b] = caseInsensitive
        ? [actual.toLowerCase(), literal.value.toLowerCase()]
        : [actual, literal.value]
      return a === b ? 0 : a < b ? -1 : 1
    }
    case 'int':
      return typeof actual === 'number' ? Math.sign(actual - literal.value) : undefined
    case 'bool':
      return typeof actual === 'boolean' ? Number(actual) - Number(literal.value) : undefined
    case 'datetime': {
      const a = instantOf(actual)
      const b = literalInstant(literal)
      return a && b ? compareInstants(a, b) : undefined
    }
    case 'null':
      return undefined
  }
}

function evaluateCompare(
  op: CompareOp,
  actual: unknown,
  literal: Literal,
  caseInsensitive: boolean,
): boolean {
  // OData null semantics: `x eq null` is true for null/missing, `ne` is its negation; ordering with null is false.
  if (literal.kind === 'null') {
    const isNull = actual === null || actual === undefined
    return op === 'eq' ? isNull : op === 'ne' ? !isNull : false
  }
  const sign = compareValues(actual, literal, caseInsensitive)
  if (sign === undefined) return op === 'ne'
  return ordered(op, sign)
}

function evaluate(ast: FilterAst, record: unknown, schema: FilterSchema, bindings: Bindings): boolean {
  switch (ast.kind) {
    case 'and':
      return evaluate(ast.left, record, schema, bindings) && evaluate(ast.right, record, schema, bindings)
    case 'or':
      return evaluate(ast.left, record, schema, bindings) || evaluate(ast.right, record, schema, bindings)
    case 'not':
      return !evaluate(ast.operand, record, schema, bindings)
    case 'compare': {
      const bound = bindings.get(ast.path)
      const caseInsensitive = bound
        ? bound.caseInsensitive
        : schema.properties[ast.path]?.caseInsensitiveEq === true
      return evaluateCompare(ast.op, readPath(record, ast.path, bindings), ast.value, caseInsensitive)
    }
    case 'startswith': {
      // Spec §1.2 / §2.2: startswith is case-insensitive everywhere.
      const actual = readPath(record, ast.path, bindings)
      return typeof actual === 'string' && actual.toLowerCase().startsWith(ast.value.toLowerCase())
    }
    case 'any': {
      const collection = readPath(record, ast.path, bindings)
      if (!Array.isArray(collection)) return false
      const caseInsensitive = schema.properties[ast.path]?.caseInsensitiveEq === true
      return collection.some((element) => {
        const inner = new Map(bindings)
        inner.set(ast.variable, { element, caseInsensitive })
        return evaluate(ast.predicate, record, schema, inner)
      })
    }
  }
}

/**
 * Whether a plain JSON record (as the fake stores it: ISO date strings, nested objects, arrays) satisfies the
 * filter. Case rules come from `schema`; by default the Graph schemas' (they agree on every path).
 */
export function evaluateFilter(
  ast: FilterAst,
  record: unknown,
  schema: FilterSchema = graphCaseRulesSchema,
): boolean {
  return evaluate(ast, record, schema, NO_BINDINGS)
}
