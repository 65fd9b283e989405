import * as fc from 'fast-check'
import { dateBounds, eventTypesOf } from './analysis.ts'
import { ODataError } from './errors.ts'
import { evaluateFilter } from './evaluate.ts'
import { betaFilter, EVENT_TYPES, stringValue } from './filterArbitraries.ts'
import { formatFilter } from './format.ts'
import { parseFilter } from './parser.ts'
import { betaSignInFilterSchema, summaryFilterSchema, v1SignInFilterSchema } from './schema.ts'

const SCHEMAS = [betaSignInFilterSchema, v1SignInFilterSchema, summaryFilterSchema]
const RECORD = {
  appId: 'x',
  createdDateTime: '2024-01-13T14:13:32.1234567Z',
  status: { errorCode: 0 },
  signInEventTypes: ['interactiveUser'],
  riskEventTypes_v2: ['a'],
}

/** Fragments of the grammar, so random concatenations reach deep into the parser instead of failing at char 0. */
const FRAGMENT = fc.oneof(
  fc.constantFrom(
    '(',
    ')',
    "'",
    "''",
    ',',
    ':',
    '/',
    ' ',
    '\t',
    'and',
    'OR',
    'not',
    'eq',
    'ne',
    'ge',
    'lt',
    'any',
    'all',
    'true',
    'null',
    'appId',
    'status/errorCode',
    'createdDateTime',
    'signInEventTypes/any(',
    't:',
    't',
    'startswith(',
    'startsWith(appDisplayName,',
    '50126',
    '-1',
    '99999999999999999999',
    '2024-01-13T14:13:32Z',
    '2024-01-13T14:13:32.12345678Z',
    '2018-01-24',
    "'2024-01-13'",
    '+01:00',
    '$',
    '%27',
    '\u0000',
    '\u202e',
    '😀',
    '\ud800',
  ),
  stringValue,
)
const fragments = (max: number) => fc.array(FRAGMENT, { maxLength: max }).map((parts) => parts.join(''))

/** parseFilter either returns an AST that survives every other function, or throws ODataError 400. */
function checkTotal(text: string) {
  for (const schema of SCHEMAS) {
    let ast
    try {
      ast = parseFilter(text, schema)
    } catch (error) {
      if (!(error instanceof ODataError)) throw error
      expect(error.status).toBe(400)
      expect(error.code).toBe('BadRequest')
      expect(error.message.startsWith('Invalid filter clause')).toBe(true)
      continue
    }
    expect(parseFilter(formatFilter(ast), schema)).toEqual(ast)
    expect(typeof evaluateFilter(ast, RECORD)).toBe('boolean')
    dateBounds(ast, 'createdDateTime')
    eventTypesOf(ast)
  }
}

describe('parseFilter on hostile input throws nothing but ODataError 400', () => {
  it('random unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), checkTotal), { numRuns: 300 })
  })

  it('random sequences of grammar fragments', () => {
    fc.assert(fc.property(fragments(40), checkTotal), { numRuns: 400 })
    fc.assert(
      fc.property(
        fc.array(FRAGMENT, { maxLength: 30 }).map((p) => p.join(' ')),
        checkTotal,
      ),
      { numRuns: 300 },
    )
  })

  it('deep and unbalanced parentheses around fragments', () => {
    const text = fc
      .tuple(fc.nat(120), fragments(6), fc.nat(120))
      .map(([open, middle, close]) => `${'('.repeat(open)}${middle}${')'.repeat(close)}`)
    fc.assert(fc.property(text, checkTotal), { numRuns: 200 })
  })

  it('valid filters with one character inserted or deleted', () => {
    const mutated = fc
      .tuple(betaFilter(), fc.nat(), fc.constantFrom('', "'", '(', ')', ' ', '/', ',', 'x', '1', ':'))
      .map(([ast, at, char]) => {
        const text = formatFilter(ast)
        const i = at % (text.length + 1)
        return char === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + char + text.slice(i)
      })
    fc.assert(fc.property(mutated, checkTotal), { numRuns: 300 })
  })

  it('huge inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8_000, max: 40_000 }), FRAGMENT, (length, fragment) => {
        checkTotal(fragment.repeat(Math.ceil(length / Math.max(1, fragment.length))))
      }),
      { numRuns: 30 },
    )
  })
})

describe('formatFilter / parseFilter round trip', () => {
  it('parses a printed valid AST back to the same AST', () => {
    fc.assert(
      fc.property(betaFilter(), (ast) => {
        expect(parseFilter(formatFilter(ast), betaSignInFilterSchema)).toEqual(ast)
      }),
      { numRuns: 400 },
    )
  })
})

describe('analysis agrees with the evaluator', () => {
  // Literals and records cluster around a few instants, so equal milliseconds with different ticks are common.
  const BASES = [
    Date.UTC(2024, 0, 13, 14, 13, 32, 123),
    Date.UTC(2024, 0, 14),
    Date.UTC(2024, 0, 14, 17, 43, 26),
  ]
  const nearBase = fc.tuple(fc.constantFrom(...BASES), fc.integer({ min: -2, max: 2 })).map(([b, d]) => b + d)
  const recordTime = fc.tuple(nearBase, fc.nat(9999), fc.boolean()).map(([ms, ticks, withTicks]) => {
    const iso = new Date(ms).toISOString()
    return withTicks ? `${iso.slice(0, 23)}${String(ticks).padStart(4, '0')}Z` : iso
  })
  const record = fc.record({
    createdDateTime: recordTime,
    appId: stringValue,
    status: fc.record({ errorCode: fc.integer({ min: -2, max: 2 }) }),
    signInEventTypes: fc.constantFrom(...EVENT_TYPES.slice(0, 4)).map((t) => [t]),
  })

  it('a record outside dateBounds never matches', () => {
    let matched = 0
    fc.assert(
      fc.property(betaFilter(nearBase), record, (ast, rec) => {
        if (!evaluateFilter(ast, rec)) return
        matched++
        const { from, to } = dateBounds(ast, 'createdDateTime')
        const at = Date.parse(rec.createdDateTime) // how a caller pruning time buckets reads the record
        if (from) expect(at).toBeGreaterThanOrEqual(from.getTime())
        if (to) expect(at).toBeLessThanOrEqual(to.getTime())
      }),
      { numRuns: 500 },
    )
    expect(matched).toBeGreaterThan(25) // the property must actually be exercised
  })

  it('a matching record always has one of eventTypesOf (when the filter names signInEventTypes)', () => {
    fc.assert(
      fc.property(betaFilter(nearBase), record, (ast, rec) => {
        const types: string[] = eventTypesOf(ast)
        if (!formatFilter(ast).includes('signInEventTypes/any')) {
          expect(types).toEqual(['interactiveUser'])
          return
        }
        if (evaluateFilter(ast, rec)) expect(types).toContain(rec.signInEventTypes[0])
      }),
      { numRuns: 400 },
    )
  })
})
