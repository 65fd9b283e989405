import type { CompareOp, FilterAst, Literal } from './ast.ts'
import { compareInstants, instantOf, literalInstant } from './datetime.ts'
import { graphCaseRulesSchema, type FilterSchema } from './schema.ts'

/** Lambda variables in scope, innermost first: the element bound to each and its collection's case rule. */
interface Binding {
  readonly variable: string
  readonly element: unknown
  readonly caseInsensitive: boolean
  readonly outer: Binding | undefined
}
type Bindings = Binding | undefined

function lookup(bindings: Bindings, variable: string): Binding | undefined {
  for (let b = bindings; b; b = b.outer) if (b.variable === variable) return b
  return undefined
}

// Paths are split once, not once per scanned record.
const segmentCache = new Map<string, readonly string[]>()

function segmentsOf(path: string): readonly string[] {
  let segments = segmentCache.get(path)
  if (!segments) {
    segments = path.split('/')
    // Paths come from schemas and lambda variables; the bound only guards against hand-built ASTs.
    if (segmentCache.size < 10_000) segmentCache.set(path, segments)
  }
  return segments
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads `a/b/c`; anything missing or not an object on the way is `undefined` (null-safe, never throws). */
function readPath(record: unknown, path: string, bindings: Bindings): unknown {
  const segments = segmentsOf(path)
  const bound = lookup(bindings, segments[0] ?? '')
  let current: unknown = bound ? bound.element : record
  for (let i = bound ? 1 : 0; i < segments.length; i++) {
    const segment = segments[i] as string
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
      const bound = lookup(bindings, ast.path)
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
      return collection.some((element) =>
        evaluate(ast.predicate, record, schema, {
          variable: ast.variable,
          element,
          caseInsensitive,
          outer: bindings,
        }),
      )
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
  return evaluate(ast, record, schema, undefined)
}
