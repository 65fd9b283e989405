import { ODataError } from './errors.ts'
import { tokenize, type Token } from './tokenizer.ts'

const kinds = (tokens: Token[]) => tokens.map((t) => t.kind)

function expectInvalid(text: string) {
  try {
    tokenize(text)
  } catch (error) {
    expect(error).toBeInstanceOf(ODataError)
    expect((error as ODataError).status).toBe(400)
    expect((error as ODataError).message).toMatch(/^Invalid filter clause/)
    return
  }
  throw new Error(`tokenize accepted ${JSON.stringify(text)}`)
}

describe('tokenize', () => {
  it('splits identifiers, punctuation and literals with their positions', () => {
    const tokens = tokenize("signInEventTypes/any(t: t eq 'x')")
    expect(kinds(tokens)).toEqual([
      'identifier',
      '/',
      'identifier',
      '(',
      'identifier',
      ':',
      'identifier',
      'identifier',
      'string',
      ')',
      'end',
    ])
    expect(tokens.map((t) => t.position)).toEqual([0, 16, 17, 20, 21, 22, 24, 26, 29, 32, 33])
  })

  it('unescapes doubled quotes (spec §2.3) and keeps unicode and control characters', () => {
    expect(tokenize("'Conan O''Brien'")[0]).toMatchObject({ kind: 'string', value: "Conan O'Brien" })
    expect(tokenize("''''")[0]).toMatchObject({ kind: 'string', value: "'" })
    expect(tokenize("''")[0]).toMatchObject({ kind: 'string', value: '' })
    expect(tokenize("'Zoë 🚀\u0001'")[0]).toMatchObject({ kind: 'string', value: 'Zoë 🚀\u0001' })
  })

  it('reads integers, negative ones too, and normalizes -0', () => {
    expect(tokenize('50126')[0]).toMatchObject({ kind: 'int', value: 50126 })
    expect(tokenize('-7')[0]).toMatchObject({ kind: 'int', value: -7 })
    expect(Object.is((tokenize('-0')[0] as { value: number }).value, 0)).toBe(true)
  })

  it.each([
    ['2024-01-13T14:13:32Z', '2024-01-13T14:13:32.000Z'],
    ['2024-01-13T14:13:32.1234567Z', '2024-01-13T14:13:32.123Z'],
    ['2024-01-13T14:13:32.5+01:00', '2024-01-13T13:13:32.500Z'],
    ['2024-01-13T14:13-05:30', '2024-01-13T19:43:00.000Z'],
    ['2018-01-24', '2018-01-24T00:00:00.000Z'],
    ['2024-02-29t00:00:00z', '2024-02-29T00:00:00.000Z'],
  ])('reads the unquoted date-time %s', (text, iso) => {
    const [token] = tokenize(text)
    expect(token).toMatchObject({ kind: 'datetime', text })
    expect((token as { value: Date }).value.toISOString()).toBe(iso)
  })

  it.each([
    '2024-01-13T14:13:32', // no offset
    '2024-01-13T14:13:32.12345678Z', // 8 fraction digits
    '2023-02-29', // not a leap year
    '2024-13-01',
    '2024-01-13T24:00:00Z',
    '2024-01-13T10:00:60Z',
    '2024-01-13T10:00:00+24:00',
    '2024-01-13x',
  ])('rejects the malformed date-time %s', (text) => expectInvalid(text))

  it.each([
    "'unterminated",
    "'odd''",
    '50126abc',
    '1.5',
    '12345678901234567890',
    'a\u00a0b', // NBSP is not OData whitespace
    'a ; b',
    'a = b',
    '"double"',
    '$it',
  ])('rejects %j', (text) => expectInvalid(text))

  it('tolerates tabs and newlines between tokens', () => {
    expect(kinds(tokenize('\ta\r\n eq\t1 '))).toEqual(['identifier', 'identifier', 'int', 'end'])
  })
})
