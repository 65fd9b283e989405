import { tenantConfigFromEnv } from './env.ts'

describe('tenantConfigFromEnv', () => {
  const fallbackNow = new Date('2025-01-01T00:00:00Z')
  it('reads MOCK_SEED, MOCK_NOW and MOCK_SIZE', () => {
    expect(
      tenantConfigFromEnv({ MOCK_SEED: '42', MOCK_NOW: '2025-03-04T12:00:00Z', MOCK_SIZE: 'small' }),
    ).toEqual({
      seed: 42,
      now: new Date('2025-03-04T12:00:00Z'),
      size: 'small',
      scale: 1,
    })
    expect(tenantConfigFromEnv({ MOCK_NOW: '2025-03-04T13:00:00.5+01:00' }).now.toISOString()).toBe(
      '2025-03-04T12:00:00.500Z',
    )
  })
  it('falls back to the given defaults, then to seed 1 / default size', () => {
    expect(tenantConfigFromEnv({}, { now: fallbackNow, seed: 3 })).toEqual({
      seed: 3,
      now: fallbackNow,
      size: 'default',
      scale: 1,
    })
    expect(tenantConfigFromEnv({ MOCK_SEED: ' ' }, { now: fallbackNow }).seed).toBe(1)
  })
  it('throws a clear error for an invalid MOCK_NOW', () => {
    expect(() => tenantConfigFromEnv({ MOCK_NOW: 'yesterday' })).toThrow(
      /MOCK_NOW must be an ISO 8601 date-time.*"yesterday"/,
    )
    expect(() => tenantConfigFromEnv({ MOCK_NOW: '2025-13-40T00:00:00Z' })).toThrow(/MOCK_NOW/)
    expect(() => tenantConfigFromEnv({ MOCK_NOW: '2025-03-04' })).toThrow(/MOCK_NOW/)
  })
  it('throws for a non-integer MOCK_SEED or unknown MOCK_SIZE', () => {
    expect(() => tenantConfigFromEnv({ MOCK_SEED: '1.5' })).toThrow(/MOCK_SEED must be an integer/)
    expect(() => tenantConfigFromEnv({ MOCK_SEED: 'abc' })).toThrow(/MOCK_SEED/)
    expect(() => tenantConfigFromEnv({ MOCK_SIZE: 'huge' })).toThrow(
      /MOCK_SIZE must be one of default, small/,
    )
  })
  it('reads MOCK_SCALE: a positive factor up to 100, decimals allowed', () => {
    expect(tenantConfigFromEnv({ MOCK_SCALE: '10' }).scale).toBe(10)
    expect(tenantConfigFromEnv({ MOCK_SCALE: ' 0.5 ' }).scale).toBe(0.5)
    expect(tenantConfigFromEnv({}, { scale: 3 }).scale).toBe(3)
    for (const bad of ['0', '-2', '1e3', 'ten', '101', '10x']) {
      expect(() => tenantConfigFromEnv({ MOCK_SCALE: bad }), bad).toThrow(
        new RegExp(`MOCK_SCALE must be a number above 0 and at most 100.*"${bad}"`),
      )
    }
  })
})
