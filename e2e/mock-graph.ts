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
