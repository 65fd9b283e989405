import * as fc from 'fast-check'
import { compareInstants, parseInstant } from './datetime.ts'

describe('parseInstant', () => {
  it('agrees with Date on every ISO string toISOString can write for years 0000..9999', () => {
    const date = fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    })
    fc.assert(
      fc.property(date, (d) => {
        expect(parseInstant(d.toISOString())).toEqual({ ms: d.getTime(), ticks: 0 })
      }),
      { numRuns: 500 },
    )
  })

  it('keeps 100 ns ticks and applies offsets', () => {
    expect(parseInstant('2024-01-13T14:13:32.1234567Z')).toEqual({
      ms: Date.UTC(2024, 0, 13, 14, 13, 32, 123),
      ticks: 4567,
    })
    expect(parseInstant('2024-01-13T14:13:32.5-02:30')).toEqual({
      ms: Date.UTC(2024, 0, 13, 16, 43, 32, 500),
      ticks: 0,
    })
    expect(parseInstant('0099-03-01')?.ms).toBe(new Date('0099-03-01T00:00:00Z').getTime())
    expect(parseInstant('2000-02-29')?.ms).toBe(Date.UTC(2000, 1, 29))
    expect(parseInstant('1900-02-29')).toBeUndefined()
  })

  it('orders by milliseconds, then ticks', () => {
    const a = parseInstant('2024-01-13T14:13:32.1234567Z')
    const b = parseInstant('2024-01-13T14:13:32.1234568Z')
    const c = parseInstant('2024-01-13T14:13:32.124Z')
    if (!a || !b || !c) throw new Error('unparsed')
    expect([
      compareInstants(a, b),
      compareInstants(b, a),
      compareInstants(a, a),
      compareInstants(b, c),
    ]).toEqual([-1, 1, 0, -1])
  })
})
