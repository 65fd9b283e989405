/**
 * Lays an OData `$filter` out for reading (issue #12, request inspector): each `and` / `or` of a chain starts a
 * line, and a parenthesised group that holds such a chain opens an indented block. Groups without one (function
 * calls, `any(t: t eq 'x')`) stay on their line. String literals are kept verbatim, `''` escapes and all.
 */
type Token = { kind: 'text' | 'string' | 'space' | 'open' | 'close'; text: string }
type Node = { kind: 'text'; text: string } | { kind: 'group'; items: Node[] }

const INDENT = '  '

function tokenize(filter: string): Token[] | null {
  const tokens: Token[] = []
  let i = 0
  while (i < filter.length) {
    const char = filter[i]!
    if (char === "'") {
      // A literal ends at a quote not followed by another ('' is an escaped quote inside it).
      let end = i + 1
      for (;;) {
        if (end >= filter.length) return null
        if (filter[end] === "'") {
          if (filter[end + 1] === "'") end += 2
          else break
        } else end++
      }
      tokens.push({ kind: 'string', text: filter.slice(i, end + 1) })
      i = end + 1
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close', text: char })
      i++
    } else {
      const run = /^(\s+|[^\s()']+)/.exec(filter.slice(i))![0]
      tokens.push({ kind: /^\s/.test(run) ? 'space' : 'text', text: run })
      i += run.length
    }
  }
  return tokens
}

function parse(tokens: Token[]): Node[] | null {
  const stack: Node[][] = [[]]
  for (const token of tokens) {
    const current = stack[stack.length - 1]!
    if (token.kind === 'open') {
      const group: Node = { kind: 'group', items: [] }
      current.push(group)
      stack.push(group.items)
    } else if (token.kind === 'close') {
      if (stack.length === 1) return null
      stack.pop()
    } else current.push({ kind: 'text', text: token.kind === 'space' ? ' ' : token.text })
  }
  return stack.length === 1 ? stack[0]! : null
}

const isLogic = (node: Node) => node.kind === 'text' && (node.text === 'and' || node.text === 'or')

function hasChain(items: Node[]): boolean {
  return items.some((node) => isLogic(node) || (node.kind === 'group' && hasChain(node.items)))
}

function inline(items: Node[]): string {
  return items.map((node) => (node.kind === 'text' ? node.text : `(${inline(node.items).trim()})`)).join('')
}

function block(items: Node[], depth: number): string[] {
  const clauses: { operator: string; items: Node[] }[] = [{ operator: '', items: [] }]
  for (const node of items) {
    if (isLogic(node) && node.kind === 'text') clauses.push({ operator: `${node.text} `, items: [] })
    else clauses[clauses.length - 1]!.items.push(node)
  }
  return clauses.flatMap((clause) => clauseLines(trimSpaces(clause.items), depth, clause.operator))
}

function trimSpaces(items: Node[]): Node[] {
  const isSpace = (node: Node | undefined) => node?.kind === 'text' && node.text === ' '
  let start = 0
  let end = items.length
  while (start < end && isSpace(items[start])) start++
  while (end > start && isSpace(items[end - 1])) end--
  return items.slice(start, end)
}

function clauseLines(items: Node[], depth: number, operator: string): string[] {
  const pad = INDENT.repeat(depth)
  const lines: string[] = []
  let line = pad + operator
  for (const node of items) {
    if (node.kind === 'group' && hasChain(node.items)) {
      lines.push(`${line}(`)
      lines.push(...block(trimSpaces(node.items), depth + 1))
      line = `${pad})`
    } else line += node.kind === 'text' ? node.text : `(${inline(node.items).trim()})`
  }
  lines.push(line.trimEnd())
  return lines
}

/** The filter, one clause a line; an unbalanced quote or parenthesis gets the input back unchanged. */
export function prettyFilter(filter: string): string {
  const tokens = tokenize(filter.trim())
  const tree = tokens && parse(tokens)
  if (!tree) return filter
  return block(tree, 0).join('\n')
}
