import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { makeSignIn } from '../export/test-sign-in.ts'
import {
  summaryGroupingKeys,
  type SummarizedEventType,
  type SummaryGroupingKey,
} from '../../../../contract/summary-grouping-keys.ts'
import { groupSignIns, type GroupedTabId } from './group-sign-ins.ts'
import { tabById } from './tabs.ts'

const signIn = (createdDateTime: string, overrides: Partial<BetaSignIn> = {}) =>
  makeSignIn({
    id: `${createdDateTime}/${overrides.ipAddress ?? ''}/${overrides.status?.errorCode ?? 0}`,
    createdDateTime,
    appId: 'app-1',
    userPrincipalName: 'adele@contoso.com',
    ipAddress: '10.0.0.1',
    resourceId: 'res-1',
    servicePrincipalId: '',
    status: { errorCode: 0, failureReason: null, additionalDetails: null },
    ...overrides,
  })

describe('groupSignIns', () => {
  test('one group per key set and UTC-aligned bucket, counted from the sign-ins it holds', () => {
    const records = [
      signIn('2026-11-30T17:59:59Z'),
      signIn('2026-11-30T12:00:00Z'),
      signIn('2026-11-30T11:59:59Z'),
      signIn('2026-11-30T13:00:00Z', { ipAddress: '10.0.0.2' }),
      signIn('2026-11-30T14:00:00Z', {
        status: { errorCode: 50126, failureReason: null, additionalDetails: null },
      }),
    ]
    const groups = groupSignIns('non-interactive', 'h6', records)
    expect(
      groups.map((g) => [
        g.summary.aggregationDateTime,
        g.summary.ipAddress,
        g.summary.status.errorCode,
        g.summary.signInCount,
      ]),
    ).toEqual([
      ['2026-11-30T12:00:00Z', '10.0.0.1', 0, 2],
      ['2026-11-30T12:00:00Z', '10.0.0.1', 50126, 1],
      ['2026-11-30T12:00:00Z', '10.0.0.2', 0, 1],
      ['2026-11-30T06:00:00Z', '10.0.0.1', 0, 1],
    ])
    expect(groups[0]!.signIns.map((s) => s.createdDateTime)).toEqual([
      '2026-11-30T17:59:59Z',
      '2026-11-30T12:00:00Z',
    ])
    expect(groups[0]!.summary.firstSignInDateTime).toBe('2026-11-30T12:00:00Z')
  })

  test('24 h and 1 h buckets start on UTC midnight and the hour', () => {
    const records = [
      signIn('2026-11-30T23:30:00Z'),
      signIn('2026-11-30T00:10:00Z'),
      signIn('2026-11-29T23:50:00Z'),
    ]
    expect(
      groupSignIns('non-interactive', 'd1', records).map((g) => [
        g.summary.aggregationDateTime,
        g.summary.signInCount,
      ]),
    ).toEqual([
      ['2026-11-30T00:00:00Z', 2],
      ['2026-11-29T00:00:00Z', 1],
    ])
    expect(groupSignIns('non-interactive', 'h1', records)).toHaveLength(3)
  })

  test('each tab groups by its own keys: managed identity ignores the IP address, user tabs the principal', () => {
    const records = [
      signIn('2026-11-30T10:00:00Z', { servicePrincipalId: 'mi-1', ipAddress: '10.0.0.1' }),
      signIn('2026-11-30T10:05:00Z', { servicePrincipalId: 'mi-1', ipAddress: '10.0.0.2' }),
      signIn('2026-11-30T10:06:00Z', { servicePrincipalId: 'mi-2', ipAddress: '10.0.0.2' }),
    ]
    expect(groupSignIns('managed-identity', 'h1', records).map((g) => g.summary.signInCount)).toEqual([2, 1])
    expect(groupSignIns('service-principal', 'h1', records)).toHaveLength(3)
    expect(groupSignIns('non-interactive', 'h1', records).map((g) => g.summary.signInCount)).toEqual([2, 1])
  })

  test('a missing key (null) is a value of its own, and ids are safe in attributes', () => {
    const groups = groupSignIns('non-interactive', 'h1', [
      signIn('2026-11-30T10:00:00Z', { ipAddress: null }),
      signIn('2026-11-30T10:01:00Z', { ipAddress: '' }),
    ])
    expect(groups).toHaveLength(2)
    for (const group of groups) expect(group.summary.id).toMatch(/^[^"'\s]+$/)
  })
})

const everyGroupingKey = [...new Set(Object.values(summaryGroupingKeys).flat())]

/** `base` with another value of `key` only. */
function withOtherValue(base: BetaSignIn, key: SummaryGroupingKey): BetaSignIn {
  if (key === 'status/errorCode')
    return { ...base, id: 'other', status: { ...base.status, errorCode: 50126 } }
  return { ...base, id: 'other', [key]: 'another value' }
}

test.each<GroupedTabId>(['non-interactive', 'service-principal', 'managed-identity'])(
  'the %s tab splits groups on exactly the keys of its summary function (contract/summary-grouping-keys.ts)',
  (tab) => {
    const keys: readonly SummaryGroupingKey[] =
      summaryGroupingKeys[tabById(tab).eventType as SummarizedEventType]
    const base = signIn('2026-11-30T10:00:00Z')
    const splitOn = everyGroupingKey.filter(
      (key) => groupSignIns(tab, 'd1', [base, withOtherValue(base, key)]).length === 2,
    )
    expect(new Set(splitOn)).toEqual(new Set(keys))
  },
)
