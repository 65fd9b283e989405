/**
 * Test-only fast-check arbitraries: filters that are valid for the beta signIn schema (spec §2.2), as ASTs,
 * with date-time literals written in every form the grammar accepts (spec §2.3).
 */
import * as fc from 'fast-check'
import type { CompareOp, FilterAst, Literal } from './ast.ts'

const EQ_ONLY = [
  'id',
  'userId',
  'appId',
  'correlationId',
  'resourceId',
  'conditionalAccessStatus',
  'tokenIssuerType',
]
const EQ_STARTSWITH = [
  'appDisplayName',
  'userDisplayName',
  'userPrincipalName',
  'ipAddress',
  'location/city',
  'deviceDetail/browser',
]
const RESERVED = new Set(['and', 'or', 'not', 'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'true', 'false', 'null'])
export const EVENT_TYPES = [
  'interactiveUser',
  'nonInteractiveUser',
  'servicePrincipal',
  'managedIdentity',
  'unknownFutureValue',
]

/** Short strings with quotes, control characters and astral code points mixed in. */
export const stringValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom("'", "''", "O'Brien", ' and ', '(', ')', 'eq', ''),
  fc.string({ unit: fc.constantFrom('a', 'B', "'", ' ', '/', '\u0000', '😀', 'é'), maxLength: 8 }),
)

export const variableName = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/)
  .filter((name) => !RESERVED.has(name.toLowerCase()))

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** A date-time literal as the parser must produce it from its own `text`: `value` is the instant floored to ms. */
export function dateTimeLiteral(baseMs: fc.Arbitrary<number>): fc.Arbitrary<Literal & { kind: 'datetime' }> {
  return fc
    .tuple(
      baseMs,
      fc.constantFrom('iso', 'seconds', 'fraction', 'offset', 'date'),
      fc.integer({ min: 1, max: 7 }),
      fc.nat(9_999_999),
      fc.integer({ min: -48, max: 56 }),
    )
    .map(([ms, form, digits, fractionSeed, quarterHours]) => {
      const iso = new Date(ms).toISOString()
      switch (form) {
        case 'iso':
          return { kind: 'datetime', value: new Date(ms), text: iso }
        case 'seconds': {
          const seconds = Math.floor(ms / 1000) * 1000
          return { kind: 'datetime', value: new Date(seconds), text: `${iso.slice(0, 19)}Z` }
        }
        case 'fraction': {
          const fraction = pad(fractionSeed, 7).slice(0, digits)
          const seconds = Math.floor(ms / 1000) * 1000
          const value = new Date(seconds + Number(fraction.padEnd(7, '0').slice(0, 3)))
          return { kind: 'datetime', value, text: `${iso.slice(0, 19)}.${fraction}Z` }
        }
        case 'offset': {
          const offset = quarterHours * 15
          const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23)
          const sign = offset < 0 ? '-' : '+'
          const text = `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
          return { kind: 'datetime', value: new Date(ms), text }
        }
        default: {
          const day = iso.slice(0, 10)
          return { kind: 'datetime', value: new Date(`${day}T00:00:00Z`), text: day }
        }
      }
    })
}

const anyMs = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) })

const compare = (path: string, op: CompareOp, value: Literal): FilterAst => ({
  kind: 'compare',
  op,
  path,
  value,
})

function binary(node: fc.Arbitrary<FilterAst>): fc.Arbitrary<FilterAst> {
  return fc
    .tuple(fc.constantFrom('and' as const, 'or' as const), node, node)
    .map(([kind, left, right]) => ({ kind, left, right }))
}

/** Lambda bodies over signInEventTypes: `t eq|ne '…'` joined by and/or. */
function eventTypesAny(variable: string): fc.Arbitrary<FilterAst> {
  const leaf = fc
    .tuple(fc.constantFrom<CompareOp>('eq', 'ne'), fc.oneof(fc.constantFrom(...EVENT_TYPES), stringValue))
    .map(([op, value]) => compare(variable, op, { kind: 'string', value }))
  const body = fc.letrec<{ node: FilterAst }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', maxDepth: 3 }, leaf, binary(tie('node'))),
  })).node
  return body.map((predicate) => ({ kind: 'any', path: 'signInEventTypes', variable, predicate }))
}

export function betaFilter(createdMs: fc.Arbitrary<number> = anyMs): fc.Arbitrary<FilterAst> {
  const leaf = fc.oneof(
    fc
      .tuple(fc.constantFrom(...EQ_ONLY, ...EQ_STARTSWITH), stringValue)
      .map(([p, v]) => compare(p, 'eq', { kind: 'string', value: v })),
    fc.constantFrom(...EQ_ONLY).map((p) => compare(p, 'eq', { kind: 'null' })),
    fc
      .tuple(fc.constantFrom(...EQ_STARTSWITH), stringValue)
      .map(([path, value]): FilterAst => ({ kind: 'startswith', path, value })),
    fc
      .tuple(fc.constantFrom<CompareOp>('eq', 'ne'), stringValue)
      .map(([op, v]) => compare('agent/agentType', op, { kind: 'string', value: v })),
    fc
      .integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })
      .map((n) => compare('status/errorCode', 'eq', { kind: 'int', value: n })),
    fc
      .tuple(fc.constantFrom<CompareOp>('eq', 'ge', 'le', 'gt', 'lt'), dateTimeLiteral(createdMs))
      .map(([op, v]) => compare('createdDateTime', op, v)),
    variableName.chain(eventTypesAny),
    fc.tuple(variableName, stringValue, fc.boolean()).map(([variable, value, starts]): FilterAst => ({
      kind: 'any',
      path: 'riskEventTypes_v2',
      variable,
      predicate: starts
        ? { kind: 'startswith', path: variable, value }
        : compare(variable, 'eq', { kind: 'string', value }),
    })),
  )
  return fc.letrec<{ node: FilterAst }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', maxDepth: 4 }, leaf, leaf, binary(tie('node'))),
  })).node
}
