// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { BetaSignIn, SignInEventType, SummarizedSignIn } from '../../contract/sign-in.ts'
import { createGraphHandlers } from '../handlers.ts'
import { createMockGraphServer } from '../node.ts'
import { GRAPH, graphGet, TEST_NOW, TEST_SEED, walkPages, type CollectionPage } from './testing.ts'

const { server, tenant, scenarios } = createMockGraphServer({ seed: TEST_SEED, now: TEST_NOW, size: 'small' })
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const SIGNINS = `${GRAPH}/beta/auditLogs/signIns`
const q = (params: Record<string, string>) => new URLSearchParams(params).toString()
const ms = (iso: string) => Date.parse(iso)

function allRecords(type: SignInEventType): BetaSignIn[] {
  const rows: BetaSignIn[] = []
  for (let h = 0; h < tenant.hourCount; h++) rows.push(...tenant.signInsInHour(type, h))
  return rows
}

function expectNewestFirstOnce(items: { id: string; createdDateTime: string }[]) {
  expect(new Set(items.map((r) => r.id)).size).toBe(items.length)
  for (let i = 1; i < items.length; i++) {
    expect(ms(items[i - 1]!.createdDateTime)).toBeGreaterThanOrEqual(ms(items[i]!.createdDateTime))
  }
}

/** Uses a tight scan budget so the walk has to cross short and empty pages (spec §2.1, §2.4). */
function useTightBudget() {
  server.use(...createGraphHandlers({ tenant, scenarios, budget: { maxBuckets: 12, maxCandidates: 150 } }))
}

const interactive = allRecords('interactiveUser')

/** The URL of page `n + 1`, reached by following `n` nextLinks. */
async function walkToPage(firstUrl: string, n: number): Promise<string> {
  let url = firstUrl
  for (let i = 0; i < n; i++) url = (await graphGet<CollectionPage<unknown>>(url)).body['@odata.nextLink']!
  return url
}

describe('paging signIns', () => {
  it('walks the default (interactive) list: every record once, newest first, no nextLink at the end', async () => {
    const { items, pageSizes } = await walkPages<BetaSignIn>(`${SIGNINS}?$top=400`)
    expectNewestFirstOnce(items)
    expect(items.map((r) => r.id).sort()).toEqual(interactive.map((r) => r.id).sort())
    expect(items.every((r) => r.signInEventTypes.includes('interactiveUser'))).toBe(true)
    expect(pageSizes.slice(0, -1).every((n) => n === 400)).toBe(true)
    expect(pageSizes.length).toBe(Math.ceil(interactive.length / 400))
  })

  it('keeps every original parameter in an absolute nextLink on the request origin and path', async () => {
    const first = await graphGet<CollectionPage<BetaSignIn>>(
      `${GRAPH}/beta/auditLogs/signins?%24top=3&foo=bar`,
    )
    const next = first.body['@odata.nextLink']
    expect(next).toMatch(
      /^https:\/\/graph\.microsoft\.com\/beta\/auditLogs\/signins\?%24top=3&foo=bar&\$skiptoken=[\w-]+$/,
    )
    expect(first.body['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#auditLogs/signIns')
    const second = await graphGet<CollectionPage<BetaSignIn>>(next!)
    expect(second.body.value.map((r) => r.id)).not.toContain(first.body.value[0]!.id)
    expect(ms(second.body.value[0]!.createdDateTime)).toBeLessThanOrEqual(
      ms(first.body.value[2]!.createdDateTime),
    )
  })

  it('walks non-interactive sign-ins in a time window, including short pages under a tight budget', async () => {
    useTightBudget()
    const from = new Date(TEST_NOW.getTime() - 3 * 86_400_000).toISOString().slice(0, 19) + 'Z'
    const to = new Date(TEST_NOW.getTime() - 1 * 86_400_000).toISOString().slice(0, 19) + 'Z'
    const filter = `signInEventTypes/any(t: t eq 'nonInteractiveUser') and createdDateTime ge ${from} and createdDateTime lt ${to}`
    const { items, pageSizes } = await walkPages<BetaSignIn>(
      `${SIGNINS}?${q({ $filter: filter, $top: '100' })}`,
    )
    const expected = allRecords('nonInteractiveUser').filter(
      (r) => ms(r.createdDateTime) >= ms(from) && ms(r.createdDateTime) < ms(to),
    )
    expect(expected.length).toBeGreaterThan(0)
    expectNewestFirstOnce(items)
    expect(items.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort())
    expect(pageSizes.slice(0, -1).some((n) => n < 100)).toBe(true)
  })

  it('walks a selective filter across two log types (short and empty pages allowed)', async () => {
    useTightBudget()
    const upn = allRecords('nonInteractiveUser').find((r) => r.userPrincipalName)!.userPrincipalName!
    const filter = `signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser') and userPrincipalName eq '${upn}'`
    const { items, pageSizes } = await walkPages<BetaSignIn>(
      `${SIGNINS}?${q({ $filter: filter, $top: '20' })}`,
    )
    const expected = [...interactive, ...allRecords('nonInteractiveUser')].filter(
      (r) => r.userPrincipalName === upn,
    )
    expectNewestFirstOnce(items)
    expect(items.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort())
    expect(pageSizes.slice(0, -1).some((n) => n < 20)).toBe(true)
  })

  it('orders ascending on request, as the exact reverse of the default order', async () => {
    const filter = `signInEventTypes/any(t: t eq 'servicePrincipal' or t eq 'managedIdentity')`
    const desc = await walkPages<BetaSignIn>(`${SIGNINS}?${q({ $filter: filter, $top: '500' })}`)
    const asc = await walkPages<BetaSignIn>(
      `${SIGNINS}?${q({ $filter: filter, $top: '500', $orderby: 'createdDateTime asc' })}`,
    )
    expect(desc.items.length).toBe(
      allRecords('servicePrincipal').length + allRecords('managedIdentity').length,
    )
    expect(asc.items.map((r) => r.id)).toEqual(desc.items.map((r) => r.id).reverse())
  })

  it('serves page 100 of a walk, matching the same slice of the full list, at page-1 cost', async () => {
    const top = Math.max(1, Math.floor(interactive.length / 120))
    const full = await walkPages<BetaSignIn>(`${SIGNINS}?$top=1000`)
    const page100Url = await walkToPage(`${SIGNINS}?$top=${top}`, 99)
    const page100 = (await graphGet<CollectionPage<BetaSignIn>>(page100Url)).body
    expect(page100.value.map((r) => r.id)).toEqual(full.items.slice(99 * top, 100 * top).map((r) => r.id))

    // Cursor, not offset: on a fresh handler (cold cache) page 100 builds no more hour buckets than page 1
    // (an offset would rebuild ~100 pages' worth of hours).
    const bucketsBuilt = async (pageUrl: string) => {
      let built = 0
      const counting = {
        ...tenant,
        signInsInHour: (...args: Parameters<typeof tenant.signInsInHour>) => {
          built++
          return tenant.signInsInHour(...args)
        },
      }
      server.use(...createGraphHandlers({ tenant: counting, scenarios }))
      expect((await graphGet(pageUrl)).status).toBe(200)
      return built
    }
    const page1Cost = await bucketsBuilt(`${SIGNINS}?$top=${top}`)
    expect(page1Cost).toBeGreaterThan(0)
    expect(await bucketsBuilt(page100Url)).toBeLessThanOrEqual(page1Cost + 2)
  })

  it('walks the v1.0 list in the v1.0 shape', async () => {
    const { items } = await walkPages<Record<string, unknown>>(`${GRAPH}/v1.0/auditLogs/signIns?$top=1000`)
    expect(items.length).toBe(interactive.length)
    expect(items[0]).not.toHaveProperty('signInEventTypes')
    expect(items[0]).toHaveProperty('riskEventTypes')
  })
})

describe('summaries', () => {
  const summaryUrl = (fn: string, window: string, params: Record<string, string> = {}) =>
    `${GRAPH}/beta/auditLogs/${fn}(aggregationWindow='${window}')${Object.keys(params).length ? `?${q(params)}` : ''}`
  const windowMs = { h1: 3_600_000, h6: 21_600_000, d1: 86_400_000 } as const

  it('pages through every window newest first; counts add up to the records', async () => {
    const { items } = await walkPages<SummarizedSignIn>(
      summaryUrl('getSummarizedNonInteractiveSignIns', 'h6', { $top: '40' }),
    )
    expect(new Set(items.map((r) => r.id)).size).toBe(items.length)
    for (let i = 1; i < items.length; i++) {
      expect(ms(items[i - 1]!.aggregationDateTime)).toBeGreaterThanOrEqual(ms(items[i]!.aggregationDateTime))
    }
    expect(items.reduce((sum, r) => sum + r.signInCount, 0)).toBe(allRecords('nonInteractiveUser').length)
  })

  it('scopes by aggregationDateTime, and firstSignInDateTime bounds count by the same bucket start', async () => {
    const from = new Date(TEST_NOW.getTime() - 2 * 86_400_000 - 3_600_000).toISOString()
    const byAggregation = await walkPages<SummarizedSignIn>(
      summaryUrl('getSummarizedServicePrincipalSignIns', 'h6', { $filter: `aggregationDateTime ge ${from}` }),
    )
    expect(byAggregation.items.length).toBeGreaterThan(0)
    expect(byAggregation.items.every((r) => ms(r.aggregationDateTime) >= ms(from))).toBe(true)
    const byFirst = await walkPages<SummarizedSignIn>(
      summaryUrl('getSummarizedServicePrincipalSignIns', 'h6', { $filter: `firstSignInDateTime ge ${from}` }),
    )
    expect(byFirst.items.map((r) => r.id)).toEqual(byAggregation.items.map((r) => r.id))
  })

  const lit = (value: string | number | null | undefined) =>
    value === null || value === undefined
      ? 'null'
      : typeof value === 'number'
        ? String(value)
        : `'${value.replace(/'/g, "''")}'`

  const drillDowns: [string, SignInEventType, 'h1' | 'h6' | 'd1', (row: SummarizedSignIn) => string][] = [
    [
      'getSummarizedNonInteractiveSignIns',
      'nonInteractiveUser',
      'h6',
      (r) =>
        `appId eq ${lit(r.appId)} and userPrincipalName eq ${lit(r.userPrincipalName)} and ipAddress eq ${lit(r.ipAddress)} and status/errorCode eq ${r.status.errorCode} and resourceId eq ${lit(r.resourceId)}`,
    ],
    [
      'getSummarizedServicePrincipalSignIns',
      'servicePrincipal',
      'd1',
      (r) =>
        `servicePrincipalId eq ${lit(r.servicePrincipalId)} and status/errorCode eq ${r.status.errorCode} and ipAddress eq ${lit(r.ipAddress)} and resourceId eq ${lit(r.resourceId)}`,
    ],
    [
      'getSummarizedMSISignIns',
      'managedIdentity',
      'h1',
      (r) =>
        `servicePrincipalId eq ${lit(r.servicePrincipalId)} and status/errorCode eq ${r.status.errorCode} and resourceId eq ${lit(r.resourceId)}`,
    ],
  ]

  it.each(drillDowns)(
    '%s: drilling into a row returns exactly signInCount records',
    async (fn, type, window, keys) => {
      const rows = (await graphGet<CollectionPage<SummarizedSignIn>>(summaryUrl(fn, window, { $top: '4' })))
        .body.value
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) {
        const start = new Date(row.aggregationDateTime)
        const end = new Date(start.getTime() + windowMs[window])
        const filter = `signInEventTypes/any(t: t eq '${type}') and ${keys(row)} and createdDateTime ge ${start.toISOString()} and createdDateTime lt ${end.toISOString()}`
        const { items } = await walkPages<BetaSignIn>(`${SIGNINS}?${q({ $filter: filter })}`)
        expect(items.length).toBe(row.signInCount)
      }
    },
  )
})
