// @vitest-environment node
import {
  betaSignInSchema,
  signInEventTypes,
  summarizedSignInSchema,
  v1SignInPropertyNames,
  v1SignInSchema,
  type BetaSignIn,
  type SignInEventType,
} from '../../contract/sign-in.ts'
import { createTenant, toV1SignIn, type Tenant } from './index.ts'

const now = new Date('2025-03-04T12:34:56.789Z')
const small = createTenant({ seed: 7, now, size: 'small' })
const allRecords = new Map<SignInEventType, BetaSignIn[][]>(
  signInEventTypes.map((type) => [
    type,
    Array.from({ length: small.hourCount }, (_, h) => small.signInsInHour(type, h)),
  ]),
)
const flat = (type: SignInEventType) => allRecords.get(type)!.flat()

describe('tenant geometry', () => {
  it('keeps 30 days of hourly buckets ending with the one containing now', () => {
    expect(small.retentionStart.toISOString()).toBe('2025-02-02T12:00:00.000Z')
    expect(small.hourCount).toBe(30 * 24 + 1)
    expect(small.hourOf(now)).toBe(small.hourCount - 1)
    expect(small.hourStart(small.hourCount - 1).toISOString()).toBe('2025-03-04T12:00:00.000Z')
    expect(small.hourOf(new Date('2025-02-02T11:59:59Z'))).toBe(-1)
  })
  it('has nothing outside retention', () => {
    expect(small.countInHour('interactiveUser', -1)).toBe(0)
    expect(small.countInHour('interactiveUser', small.hourCount)).toBe(0)
    expect(small.signInsInHour('nonInteractiveUser', small.hourCount)).toEqual([])
  })
})

describe('records', () => {
  it('small tenant: ~3,000-6,000 sign-ins with the intended category mix', () => {
    const counts = signInEventTypes.map((type) => flat(type).length)
    const total = counts.reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThan(3000)
    expect(total).toBeLessThan(6000)
    expect(counts[1]! / total).toBeGreaterThan(0.6) // non-interactive is the bulk
  })
  it('every record validates against the beta schema, and its v1.0 projection against v1.0', () => {
    for (const type of signInEventTypes) {
      for (const record of flat(type)) {
        const beta = betaSignInSchema.safeParse(record)
        if (!beta.success) throw new Error(`${type} ${record.id}: ${beta.error.message}`)
        const v1 = v1SignInSchema.safeParse(toV1SignIn(record))
        if (!v1.success) throw new Error(`v1 ${type} ${record.id}: ${v1.error.message}`)
        expect(record.signInEventTypes).toEqual([type])
      }
    }
    expect(Object.keys(toV1SignIn(flat('interactiveUser')[0]!)).sort()).toEqual(
      [...v1SignInPropertyNames].sort(),
    )
  })
  it('countInHour equals the number of records, bucket by bucket', () => {
    for (const type of signInEventTypes) {
      allRecords
        .get(type)!
        .forEach((records, hour) => expect(records.length).toBe(small.countInHour(type, hour)))
    }
  })
  it('lists records newest first (ties by id), inside their hour, never after now', () => {
    for (const type of signInEventTypes) {
      allRecords.get(type)!.forEach((records, hour) => {
        const start = small.hourStart(hour).getTime()
        records.forEach((r, i) => {
          const t = Date.parse(r.createdDateTime)
          expect(t).toBeGreaterThanOrEqual(start)
          expect(t).toBeLessThan(start + 3_600_000)
          expect(t).toBeLessThanOrEqual(now.getTime())
          const next = records[i + 1]
          if (next)
            expect(
              r.createdDateTime > next.createdDateTime ||
                (r.createdDateTime === next.createdDateTime && r.id < next.id),
            ).toBe(true)
        })
      })
    }
  })
  it('has unique ids and realistic outcomes (~85-90 % interactive success)', () => {
    const all = signInEventTypes.flatMap(flat)
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length)
    const interactive = flat('interactiveUser')
    const ok = interactive.filter((r) => r.status.errorCode === 0).length / interactive.length
    expect(ok).toBeGreaterThan(0.8)
    expect(ok).toBeLessThan(0.95)
    const codes = new Set(all.map((r) => r.status.errorCode))
    for (const code of [50126, 50074, 50140, 7000215]) expect(codes).toContain(code)
  })
  it('shares a correlationId between an interactive sign-in and non-interactive ones of its session', () => {
    const ni = new Set(flat('nonInteractiveUser').map((r) => r.correlationId))
    expect(flat('interactiveUser').some((r) => ni.has(r.correlationId))).toBe(true)
  })
  it('plants hostile-but-valid strings (see hostile.ts)', () => {
    const all = signInEventTypes.flatMap(flat)
    expect(all.some((r) => r.appDisplayName?.includes('<script>'))).toBe(true)
    expect(all.some((r) => r.appDisplayName?.startsWith('='))).toBe(true)
    expect(all.some((r) => r.appDisplayName?.includes('\n'))).toBe(true)
    expect(all.some((r) => r.userDisplayName?.includes("'"))).toBe(true)
    expect(all.some((r) => r.servicePrincipalName?.startsWith('='))).toBe(true)
  })
  it('uses lower-case UPNs, guests in home form', () => {
    const users = flat('interactiveUser').concat(flat('nonInteractiveUser'))
    expect(users.every((r) => r.userPrincipalName === r.userPrincipalName?.toLowerCase())).toBe(true)
    expect(users.some((r) => r.userType === 'guest' && !r.userPrincipalName?.endsWith('@contoso.com'))).toBe(
      true,
    )
  })
})

describe('determinism', () => {
  const hour = small.hourCount - 30
  it('same seed and now give identical records', () => {
    const again = createTenant({ seed: 7, now, size: 'small' })
    for (const type of signInEventTypes)
      expect(again.signInsInHour(type, hour)).toEqual(small.signInsInHour(type, hour))
  })
  it('a full hour does not depend on now', () => {
    const later = createTenant({ seed: 7, now: new Date(now.getTime() + 5 * 3_600_000), size: 'small' })
    expect(later.signInsInHour('nonInteractiveUser', hour - 5)).toEqual(
      small.signInsInHour('nonInteractiveUser', hour),
    )
  })
  it('another seed gives other records', () => {
    const other = createTenant({ seed: 8, now, size: 'small' })
    const a = small.signInsInHour('nonInteractiveUser', hour).map((r) => r.id)
    const b = other.signInsInHour('nonInteractiveUser', hour).map((r) => r.id)
    expect(a.length).toBeGreaterThan(0)
    expect(b).not.toEqual(a)
  })
})

describe('findSignIn', () => {
  it('round-trips ids of every category, case-insensitively', () => {
    for (const type of signInEventTypes) {
      const sample = flat(type).filter((_, i) => i % 97 === 0)
      expect(sample.length).toBeGreaterThan(0)
      for (const record of sample) {
        expect(small.findSignIn(record.id)).toEqual(record)
        expect(small.findSignIn(record.id.toUpperCase())).toEqual(record)
      }
    }
  })
  it('rejects unknown, malformed and foreign ids', () => {
    const id = flat('interactiveUser')[0]!.id
    expect(small.findSignIn('00000000-0000-0000-0000-000000000000')).toBeUndefined()
    expect(small.findSignIn('not-a-guid')).toBeUndefined()
    expect(createTenant({ seed: 9, now, size: 'small' }).findSignIn(id)).toBeUndefined()
  })
})

function keyOf(type: SignInEventType, r: BetaSignIn): string {
  const status = r.status.errorCode
  if (type === 'nonInteractiveUser')
    return [r.appId, r.userPrincipalName, r.ipAddress, status, r.resourceId].join('|')
  if (type === 'servicePrincipal') return [r.servicePrincipalId, status, r.ipAddress, r.resourceId].join('|')
  return [r.servicePrincipalId, status, r.resourceId].join('|')
}

function checkWindow(
  tenant: Tenant,
  type: Exclude<SignInEventType, 'interactiveUser'>,
  window: 'h1' | 'h6' | 'd1',
  start: Date,
  hours: number,
) {
  const rows = tenant.summariesInWindow(type, window, start)
  const first = tenant.hourOf(start)
  const records: BetaSignIn[] = []
  for (let h = Math.max(0, first); h < Math.min(tenant.hourCount, first + hours); h++)
    records.push(...tenant.signInsInHour(type, h))
  const expected = new Map<string, { count: number; first: string }>()
  for (const r of records) {
    const k = keyOf(type, r)
    const e = expected.get(k)
    if (!e) expected.set(k, { count: 1, first: r.createdDateTime })
    else {
      e.count++
      if (r.createdDateTime < e.first) e.first = r.createdDateTime
    }
  }
  const rowKey = (s: (typeof rows)[number]) =>
    type === 'nonInteractiveUser'
      ? [s.appId, s.userPrincipalName, s.ipAddress, s.status.errorCode, s.resourceId].join('|')
      : type === 'servicePrincipal'
        ? [s.servicePrincipalId, s.status.errorCode, s.ipAddress, s.resourceId].join('|')
        : [s.servicePrincipalId, s.status.errorCode, s.resourceId].join('|')
  expect(rows.reduce((sum, s) => sum + s.signInCount, 0)).toBe(records.length)
  expect(rows.length).toBe(expected.size)
  rows.forEach((s, i) => {
    summarizedSignInSchema.parse(s)
    expect(s.aggregationDateTime).toBe(start.toISOString().replace('.000Z', 'Z'))
    const e = expected.get(rowKey(s))
    expect(e, rowKey(s)).toBeDefined()
    expect(s.signInCount).toBe(e!.count)
    expect(Date.parse(s.firstSignInDateTime)).toBe(Date.parse(e!.first))
    const next = rows[i + 1]
    if (next)
      expect(s.signInCount > next.signInCount || (s.signInCount === next.signInCount && s.id < next.id)).toBe(
        true,
      )
  })
  return rows
}

describe('summaries', () => {
  const day = new Date('2025-02-20T00:00:00Z')
  for (const type of ['nonInteractiveUser', 'servicePrincipal', 'managedIdentity'] as const) {
    it(`${type}: h1, h6 and d1 rows agree with the records (sums and per key)`, () => {
      expect(checkWindow(small, type, 'd1', day, 24).length).toBeGreaterThan(0)
      checkWindow(small, type, 'h6', new Date('2025-02-20T12:00:00Z'), 6)
      checkWindow(small, type, 'h1', new Date('2025-02-20T15:00:00Z'), 1)
    })
  }
  it('clips windows to retention and now', () => {
    checkWindow(small, 'nonInteractiveUser', 'd1', new Date('2025-02-02T00:00:00Z'), 24)
    checkWindow(small, 'nonInteractiveUser', 'd1', new Date('2025-03-04T00:00:00Z'), 24)
    expect(small.summariesInWindow('servicePrincipal', 'd1', new Date('2025-01-01T00:00:00Z'))).toEqual([])
  })
  it('gives stable ids that differ per window', () => {
    const a = small.summariesInWindow('servicePrincipal', 'h6', new Date('2025-02-20T06:00:00Z'))
    const b = small.summariesInWindow('servicePrincipal', 'h6', new Date('2025-02-20T06:00:00Z'))
    const c = small.summariesInWindow('servicePrincipal', 'h6', new Date('2025-02-20T12:00:00Z'))
    expect(b).toEqual(a)
    expect(new Set(a.map((r) => r.id)).size).toBe(a.length)
    expect(c.some((r) => a.some((x) => x.id === r.id))).toBe(false)
  })
  it('rejects window starts that are not UTC-aligned', () => {
    expect(() => small.summariesInWindow('managedIdentity', 'h6', new Date('2025-02-20T03:00:00Z'))).toThrow(
      /00\/06\/12\/18/,
    )
    expect(() => small.summariesInWindow('managedIdentity', 'd1', new Date('2025-02-20T01:00:00Z'))).toThrow(
      /midnight/,
    )
  })
})

describe('default size', () => {
  it('has at least 1,000,000 sign-ins over 30 days (counted, not built), mostly non-interactive', () => {
    const tenant = createTenant({ seed: 1, now, size: 'default' })
    const totals = signInEventTypes.map((type) => {
      let sum = 0
      for (let h = 0; h < tenant.hourCount; h++) sum += tenant.countInHour(type, h)
      return sum
    })
    const total = totals.reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThanOrEqual(1_000_000)
    expect(totals[1]! / total).toBeGreaterThan(0.65)
    expect(totals[1]! / total).toBeLessThan(0.75)
  })
})

describe('MOCK_SCALE', () => {
  const scaled = createTenant({ seed: 7, now, size: 'small', scale: 10 })
  const total = (tenant: Tenant, type: SignInEventType) => {
    let sum = 0
    for (let h = 0; h < tenant.hourCount; h++) sum += tenant.countInHour(type, h)
    return sum
  }

  it('multiplies every category by the factor (within rounding noise), with the same directory', () => {
    for (const type of signInEventTypes) {
      const ratio = total(scaled, type) / total(small, type)
      expect(ratio, type).toBeGreaterThan(9)
      expect(ratio, type).toBeLessThan(11)
    }
    expect(scaled.directory.users).toHaveLength(small.directory.users.length)
  })

  it('builds records on demand that agree with the counts and with the summaries', () => {
    const hour = scaled.hourOf(new Date('2025-02-20T15:30:00Z'))
    const records = scaled.signInsInHour('nonInteractiveUser', hour)
    expect(records).toHaveLength(scaled.countInHour('nonInteractiveUser', hour))
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
    expect(scaled.findSignIn(records[records.length - 1]!.id)).toEqual(records[records.length - 1])
    checkWindow(scaled, 'nonInteractiveUser', 'h1', new Date('2025-02-20T15:00:00Z'), 1)
    checkWindow(scaled, 'servicePrincipal', 'h6', new Date('2025-02-20T12:00:00Z'), 6)
  })
})
