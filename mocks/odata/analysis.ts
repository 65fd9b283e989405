import type { FilterAst } from './ast.ts'
import { literalInstant } from './datetime.ts'
import { evaluateFilter } from './evaluate.ts'

/**
 * Conservative [from, to] implied by the top-level AND chain on a datetime property (ge/gt → from, le/lt → to,
 * eq → both); used to prune time buckets. Undefined side = unbounded. Never excludes a record the filter accepts:
 * bounds are inclusive and, like record times read as Dates, truncated to whole milliseconds.
 */
export function dateBounds(ast: FilterAst | undefined, path: string): { from?: Date; to?: Date } {
  let from: number | undefined
  let to: number | undefined
  // Iterative walk of the AND spine only: an OR or NOT below it may accept anything, so it adds no bound.
  const pending: FilterAst[] = ast ? [ast] : []
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.kind === 'and') {
      pending.push(node.left, node.right)
      continue
    }
    if (node.kind !== 'compare' || node.path !== path || node.value.kind !== 'datetime') continue
    // Same instant the evaluator compares against; its ms are floored, so the bound stays inclusive.
    const ms = literalInstant(node.value)?.ms
    if (ms === undefined) continue
    if (node.op === 'ge' || node.op === 'gt' || node.op === 'eq')
      from = from === undefined ? ms : Math.max(from, ms)
    if (node.op === 'le' || node.op === 'lt' || node.op === 'eq')
      to = to === undefined ? ms : Math.min(to, ms)
  }
  return {
    ...(from !== undefined && { from: new Date(from) }),
    ...(to !== undefined && { to: new Date(to) }),
  }
}

/**
 * String values of `path eq '…'` comparisons on the filter's top-level AND chain: every accepted record has
 * `path` equal to each of them (used to look records up by an indexed key instead of scanning).
 */
export function equalityValues(ast: FilterAst | undefined, path: string): string[] {
  const values: string[] = []
  const pending: FilterAst[] = ast ? [ast] : []
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.kind === 'and') pending.push(node.left, node.right)
    else if (
      node.kind === 'compare' &&
      node.op === 'eq' &&
      node.path === path &&
      node.value.kind === 'string'
    )
      values.push(node.value.value)
  }
  return values
}

export type SignInEventType =
  'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity'

const EVENT_TYPES: readonly SignInEventType[] = [
  'interactiveUser',
  'nonInteractiveUser',
  'servicePrincipal',
  'managedIdentity',
]
const EVENT_TYPES_PATH = 'signInEventTypes'

/** Three-valued result: `undefined` = depends on properties other than signInEventTypes. */
type Maybe = boolean | undefined

function mentionsEventTypes(ast: FilterAst): boolean {
  switch (ast.kind) {
    case 'and':
    case 'or':
      return mentionsEventTypes(ast.left) || mentionsEventTypes(ast.right)
    case 'not':
      return mentionsEventTypes(ast.operand)
    case 'any':
      return ast.path === EVENT_TYPES_PATH
    case 'compare':
    case 'startswith':
      return ast.path === EVENT_TYPES_PATH || ast.path.startsWith(`${EVENT_TYPES_PATH}/`)
  }
}

/** Could `ast` hold for a record whose only event type is `type`, whatever its other properties are? */
function possibleFor(ast: FilterAst, type: SignInEventType): Maybe {
  switch (ast.kind) {
    case 'and': {
      const left = possibleFor(ast.left, type)
      if (left === false) return false
      const right = possibleFor(ast.right, type)
      return right === false ? false : left === true && right === true ? true : undefined
    }
    case 'or': {
      const left = possibleFor(ast.left, type)
      if (left === true) return true
      const right = possibleFor(ast.right, type)
      return right === true ? true : left === false && right === false ? false : undefined
    }
    case 'not': {
      const operand = possibleFor(ast.operand, type)
      return operand === undefined ? undefined : !operand
    }
    case 'any':
      // The lambda body only sees the element (the parser enforces it), so this one is decided exactly.
      return ast.path === EVENT_TYPES_PATH ? evaluateFilter(ast, { [EVENT_TYPES_PATH]: [type] }) : undefined
    case 'compare':
    case 'startswith':
      return undefined
  }
}

/**
 * signInEventTypes values the filter can possibly accept (for choosing which log types to scan). Without any
 * mention of signInEventTypes Graph lists interactive sign-ins only (spec §1.1). Otherwise the filter is
 * taken literally: a type is kept unless the filter is false for it whatever the other properties are.
 */
export function eventTypesOf(ast: FilterAst | undefined): SignInEventType[] {
  if (!ast || !mentionsEventTypes(ast)) return ['interactiveUser']
  return EVENT_TYPES.filter((type) => possibleFor(ast, type) !== false)
}
