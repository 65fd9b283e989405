import type { CompareOp, FilterAst, Literal } from './ast.ts'
import { checkLiteralType, type ResolvedOperand } from './literal-types.ts'
import { echo, invalidFilter } from './errors.ts'
import type { FilterProperty, FilterSchema } from './schema.ts'
import { tokenize, type Token } from './tokenizer.ts'

/** Limits that keep a hostile filter from costing more than a normal one; both answer 400 like any bad filter. */
export const MAX_FILTER_BYTES = 8 * 1024
export const MAX_FILTER_NESTING = 64

const COMPARE_OPS: Readonly<Record<string, CompareOp>> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'gt',
  ge: 'ge',
  lt: 'lt',
  le: 'le',
}
const RESERVED = new Set(['and', 'or', 'not', 'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'true', 'false', 'null'])

/** Inside `coll/any(t: …)` the only operand is the variable, typed by the collection's element. */
interface LambdaScope {
  variable: string
  collectionPath: string
  collection: FilterProperty
}

const lookupCache = new WeakMap<FilterSchema, Map<string, [string, FilterProperty]>>()

/**
 * Graph matches property names case-insensitively ([unverified], lenient on purpose): the AST always carries
 * the schema's spelling so the evaluator can read records with it.
 */
function propertyLookup(schema: FilterSchema): Map<string, [string, FilterProperty]> {
  let lookup = lookupCache.get(schema)
  if (!lookup) {
    lookup = new Map(Object.entries(schema.properties).map(([path, p]) => [path.toLowerCase(), [path, p]]))
    lookupCache.set(schema, lookup)
  }
  return lookup
}

function hasOp(ops: FilterProperty['ops'], op: string): boolean {
  return (ops as ReadonlyArray<string>).includes(op)
}

function isKeyword(token: Token, keyword: string): boolean {
  return token.kind === 'identifier' && token.text.toLowerCase() === keyword
}

class FilterParser {
  private index = 0
  private depth = 0
  private readonly lookup: Map<string, [string, FilterProperty]>

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly schema: FilterSchema,
  ) {
    this.lookup = propertyLookup(schema)
  }

  parse(): FilterAst {
    const ast = this.parseOr(undefined)
    if (this.peek().kind !== 'end') this.syntaxError()
    return ast
  }

  private peek(offset = 0): Token {
    // The token list always ends with 'end', so clamping keeps every look-ahead defined.
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token
  }

  private next(): Token {
    const token = this.peek()
    if (token.kind !== 'end') this.index++
    return token
  }

  private expect(kind: Token['kind']): Token {
    const token = this.next()
    if (token.kind !== kind) this.syntaxError(token)
    return token
  }

  private expectIdentifier(): { text: string; position: number } {
    const token = this.next()
    if (token.kind !== 'identifier') this.syntaxError(token)
    return token
  }

  private syntaxError(token: Token = this.peek()): never {
    throw invalidFilter(`Syntax error at position ${token.position} in ${echo(this.text)}.`)
  }

  /** Every recursion goes through here, so nesting is bounded before the JS stack could be. */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_FILTER_NESTING) {
      throw invalidFilter(`The filter is nested more than ${MAX_FILTER_NESTING} levels deep.`)
    }
    const result = parse()
    this.depth--
    return result
  }

  // and/or are left-associative loops, not recursion: a long `a or b or …` chain costs no stack.
  private parseOr(scope: LambdaScope | undefined): FilterAst {
    let left = this.parseAnd(scope)
    while (isKeyword(this.peek(), 'or')) {
      this.next()
      left = { kind: 'or', left, right: this.parseAnd(scope) }
    }
    return left
  }

  private parseAnd(scope: LambdaScope | undefined): FilterAst {
    let left = this.parseUnary(scope)
    while (isKeyword(this.peek(), 'and')) {
      this.next()
      left = { kind: 'and', left, right: this.parseUnary(scope) }
    }
    return left
  }

  private parseUnary(scope: LambdaScope | undefined): FilterAst {
    if (!isKeyword(this.peek(), 'not')) return this.parsePrimary(scope)
    // Spec §2.2: `not` is undocumented for sign-ins, so the Graph schemas reject it.
    if (!this.schema.allowNot) throw invalidFilter("The operator 'not' is not supported.")
    this.next()
    return this.nested(() => ({ kind: 'not', operand: this.parseUnary(scope) }))
  }

  private parsePrimary(scope: LambdaScope | undefined): FilterAst {
    const token = this.peek()
    if (token.kind === '(') {
      this.next()
      const inner = this.nested(() => this.parseOr(scope))
      this.expect(')')
      return inner
    }
    if (token.kind !== 'identifier') this.syntaxError(token)
    if (isKeyword(token, 'startswith') && this.peek(1).kind === '(') return this.parseStartsWith(scope)
    return this.parsePathExpression(scope)
  }

  /** `startswith(path,'prefix')`; both `startswith` and `startsWith` spellings (spec §2.2). */
  private parseStartsWith(scope: LambdaScope | undefined): FilterAst {
    this.next()
    this.expect('(')
    const operand = this.resolveOperand(this.readPath(), scope)
    this.expect(',')
    const literal = this.next()
    this.expect(')')
    if (!operand.allows('startswith')) {
      throw invalidFilter(`The function 'startswith' is not supported for '${operand.path}'.`)
    }
    if (operand.type !== 'string' || literal.kind !== 'string') {
      throw invalidFilter(`The function 'startswith' needs a string property and a string literal.`)
    }
    return { kind: 'startswith', path: operand.path, value: literal.value }
  }

  /** Path segments joined by `/`, stopping before a lambda operator (`…/any(`). */
  private readPath(): { path: string; position: number } {
    const first = this.expectIdentifier()
    const segments = [first.text]
    while (this.peek().kind === '/' && this.peek(1).kind === 'identifier' && this.peek(2).kind !== '(') {
      this.next()
      segments.push(this.expectIdentifier().text)
    }
    return { path: segments.join('/'), position: first.position }
  }

  private parsePathExpression(scope: LambdaScope | undefined): FilterAst {
    const path = this.readPath()
    if (this.peek().kind === '/') {
      this.next()
      const lambda = this.expectIdentifier()
      if (lambda.text.toLowerCase() !== 'any') {
        throw invalidFilter(`Only the lambda operator 'any' is supported (position ${lambda.position}).`)
      }
      return this.parseAny(path, scope)
    }
    const operand = this.resolveOperand(path, scope)
    const opToken = this.next()
    const op = opToken.kind === 'identifier' ? COMPARE_OPS[opToken.text.toLowerCase()] : undefined
    if (!op) this.syntaxError(opToken)
    const value = this.readLiteral()
    if (!operand.allows(op)) {
      throw invalidFilter(`The operator '${op}' is not supported for '${operand.path}'.`)
    }
    checkLiteralType(operand, op, value)
    return { kind: 'compare', op, path: operand.path, value }
  }

  private parseAny(path: { path: string; position: number }, scope: LambdaScope | undefined): FilterAst {
    const found = scope ? undefined : this.lookup.get(path.path.toLowerCase())
    if (!found) throw invalidFilter(`Could not find a property named '${path.path}'.`)
    const [collectionPath, collection] = found
    if (collection.type !== 'stringCollection' || !collection.ops.includes('any')) {
      throw invalidFilter(`The lambda operator 'any' is not supported for '${collectionPath}'.`)
    }
    this.expect('(')
    const variableToken = this.expectIdentifier()
    const variable = variableToken.text
    if (RESERVED.has(variable.toLowerCase())) {
      throw invalidFilter(`'${variable}' cannot name a lambda variable (position ${variableToken.position}).`)
    }
    this.expect(':')
    const predicate = this.nested(() => this.parseOr({ variable, collectionPath, collection }))
    this.expect(')')
    return { kind: 'any', path: collectionPath, variable, predicate }
  }

  private resolveOperand(
    path: { path: string; position: number },
    scope: LambdaScope | undefined,
  ): ResolvedOperand {
    if (scope) {
      // Inside a lambda Graph only compares the element itself ([obs]; no $it / outer properties).
      if (path.path !== scope.variable) {
        throw invalidFilter(
          `Only the lambda variable '${scope.variable}' may be used inside 'any' at position ${path.position}.`,
        )
      }
      const inner = scope.collection.ops
      return { path: scope.variable, type: 'string', allows: (op) => op !== 'any' && hasOp(inner, op) }
    }
    const found = this.lookup.get(path.path.toLowerCase())
    if (!found) throw invalidFilter(`Could not find a property named '${path.path}'.`)
    const [canonical, property] = found
    if (property.type === 'stringCollection') {
      throw invalidFilter(`The collection '${canonical}' can only be filtered with '${canonical}/any(…)'.`)
    }
    return { path: canonical, type: property.type, allows: (op) => hasOp(property.ops, op) }
  }

  private readLiteral(): Literal {
    const token = this.next()
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value }
      case 'int':
        return { kind: 'int', value: token.value }
      case 'datetime':
        return { kind: 'datetime', value: token.value, text: token.text }
      case 'identifier': {
        const word = token.text.toLowerCase()
        if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true' }
        if (word === 'null') return { kind: 'null' }
        // A property on the right-hand side (`appId eq resourceId`) is not supported either.
        return this.syntaxError(token)
      }
      default:
        return this.syntaxError(token)
    }
  }
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length
}

/** Parses and validates a $filter against a schema; every rejection is ODataError(400, 'BadRequest', 'Invalid filter clause…'). */
export function parseFilter(text: string, schema: FilterSchema): FilterAst {
  if (typeof text !== 'string') throw invalidFilter('The filter must be a string.')
  // Cheap length test first so a huge input is never encoded.
  if (text.length > MAX_FILTER_BYTES || utf8Length(text) > MAX_FILTER_BYTES) {
    throw invalidFilter(`The filter is longer than ${MAX_FILTER_BYTES} bytes.`)
  }
  const tokens = tokenize(text)
  if (tokens.length === 1) throw invalidFilter('The filter is empty.')
  return new FilterParser(text, tokens, schema).parse()
}
