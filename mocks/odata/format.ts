import type { FilterAst, Literal } from './ast.ts'

function formatLiteral(literal: Literal): string {
  switch (literal.kind) {
    case 'string':
      return quote(literal.value)
    case 'int':
      return String(literal.value)
    case 'datetime':
      return literal.text
    case 'bool':
      return String(literal.value)
    case 'null':
      return 'null'
  }
}

/** Spec §2.3: single quotes, an embedded quote doubled. */
function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

const PRECEDENCE = { or: 1, and: 2 } as const

/** Parenthesizes a child whose operator binds looser, or as tightly on the right (and/or are left-associative). */
function operand(child: FilterAst, parent: 'and' | 'or', side: 'left' | 'right'): string {
  const text = formatFilter(child)
  if (child.kind !== 'and' && child.kind !== 'or') return text
  const needsParens =
    PRECEDENCE[child.kind] < PRECEDENCE[parent] ||
    (side === 'right' && PRECEDENCE[child.kind] === PRECEDENCE[parent])
  return needsParens ? `(${text})` : text
}

/**
 * Canonical $filter text of an AST: `parseFilter(formatFilter(ast))` gives `ast` back. Used by tests and by the
 * fake's error messages; the app builds its own filters.
 */
export function formatFilter(ast: FilterAst): string {
  switch (ast.kind) {
    case 'and':
    case 'or':
      return `${operand(ast.left, ast.kind, 'left')} ${ast.kind} ${operand(ast.right, ast.kind, 'right')}`
    case 'not':
      return `not (${formatFilter(ast.operand)})`
    case 'compare':
      return `${ast.path} ${ast.op} ${formatLiteral(ast.value)}`
    case 'startswith':
      return `startswith(${ast.path},${quote(ast.value)})`
    case 'any':
      return `${ast.path}/any(${ast.variable}: ${formatFilter(ast.predicate)})`
  }
}
