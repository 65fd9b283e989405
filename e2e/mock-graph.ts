/**
 * What the page asked the in-page fake Graph. In mock mode the Graph client's fetch goes straight to the fake's
 * engine worker (mocks/browser.ts), not to the network, so Playwright's request events never see it; development
 * and e2e builds put the fake on `window.studioMockGraph`, whose list of exchanges is the oracle these tests compare
 * the app with, and whose `fetch` lets a test page through the fake from the page.
 */
import type { Page } from '@playwright/test'
import type { MockGraphExchange } from '../mocks/browser.ts'

export type { MockGraphExchange }

/** The shape tests reach in the page (mocks/browser.ts, exposeMockGraph). */
export interface MockGraphWindow {
  studioMockGraph: { fetch: typeof fetch; exchanges: readonly MockGraphExchange[] }
}

/** Every exchange so far, oldest first. */
export function mockGraphExchanges(page: Page): Promise<MockGraphExchange[]> {
  return page.evaluate(() => [...(window as unknown as MockGraphWindow).studioMockGraph.exchanges])
}

/**
 * Resolves with the first exchange after the `seen` ones whose URL matches `pattern` once it has its answer (the
 * request events' `waitForResponse`); rejects after `timeout` ms.
 */
export async function waitForMockGraphAnswer(
  page: Page,
  pattern: RegExp,
  { seen = 0, timeout = 30_000 }: { seen?: number; timeout?: number } = {},
): Promise<MockGraphExchange> {
  const handle = await page.waitForFunction(
    ({ source, flags, after }) => {
      const matcher = new RegExp(source, flags)
      const { exchanges } = (window as unknown as MockGraphWindow).studioMockGraph
      return (
        exchanges
          .slice(after)
          .find((exchange) => matcher.test(exchange.url) && typeof exchange.status === 'number') ?? false
      )
    },
    { source: pattern.source, flags: pattern.flags, after: seen },
    { timeout },
  )
  return (await handle.jsonValue()) as MockGraphExchange
}

/** The mock tenant's bearer token (the fake accepts any; the app's client sends this one). */
const MOCK_AUTHORIZATION = { Authorization: 'Bearer mock-tenant-token' }

/**
 * The API's answer for a query: every record from `firstUrl` on, following nextLink to the end, asked of the
 * in-page fake from the page. `headers` go with every request, beside the mock tenant's token.
 */
export function mockGraphRecords<T>(
  page: Page,
  firstUrl: string,
  headers: Record<string, string> = {},
): Promise<T[]> {
  return page.evaluate(
    async ({ start, sent }) => {
      const records: unknown[] = []
      let next: string | null = start
      while (next) {
        const response: Response = await (window as unknown as MockGraphWindow).studioMockGraph.fetch(next, {
          headers: sent,
        })
        if (!response.ok) throw new Error(`${response.status} for ${next}`)
        const body = (await response.json()) as { value: unknown[]; '@odata.nextLink'?: string }
        records.push(...body.value)
        next = body['@odata.nextLink'] ?? null
      }
      return records as T[]
    },
    { start: firstUrl, sent: { ...MOCK_AUTHORIZATION, ...headers } },
  )
}
