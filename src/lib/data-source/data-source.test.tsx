import { renderHook } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createMockDataSource, DataSourceProvider, MOCK_ACCESS_TOKEN, useDataSource } from './data-source.tsx'
import { createRequestScheduler } from '../scheduler/request-scheduler.ts'
import { createSimulatedClock } from '../scheduler/testing/simulated-clock.ts'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

test('useDataSource returns the provided source and refuses to run without a provider', () => {
  const source = createMockDataSource()
  const { result } = renderHook(() => useDataSource(), {
    wrapper: ({ children }) => <DataSourceProvider value={source}>{children}</DataSourceProvider>,
  })
  expect(result.current).toBe(source)
  vi.spyOn(console, 'error').mockImplementation(() => {})
  expect(() => renderHook(() => useDataSource())).toThrow(/DataSourceProvider/)
})

test('the mock source calls the Graph origin with the mock bearer token', async () => {
  let authorization: string | null = null
  server.use(
    http.get('https://graph.microsoft.com/beta/auditLogs/signIns', ({ request }) => {
      authorization = request.headers.get('authorization')
      return HttpResponse.json({ value: [] })
    }),
  )
  const source = createMockDataSource()
  expect(source).toMatchObject({ id: 'mock', kind: 'mock' })
  await source.client.getPage('/beta/auditLogs/signIns')
  expect(authorization).toBe(`Bearer ${MOCK_ACCESS_TOKEN}`)
})

test('the mock source keeps to the budget from its first 429 on, and its page requests go before the export', async () => {
  const clock = createSimulatedClock(0)
  const scheduler = createRequestScheduler({
    clock,
    budget: 'after-throttle',
    maxRequests: 1,
    windowMs: 1000,
  })
  const seen: string[] = []
  const fetchFn: typeof fetch = async (input) => {
    const url = new URL(String(input))
    seen.push(url.searchParams.get('who') ?? '')
    const throttle = url.searchParams.get('who') === 'first'
    return throttle
      ? new Response('{}', { status: 429, headers: { 'Retry-After': '0' } })
      : Response.json({ value: [] })
  }
  const source = createMockDataSource({ fetch: fetchFn, scheduler, retry: { maxAttempts: 1 } })
  expect(source.scheduler).toBe(scheduler)
  await source.client.getPage('/beta/x', { params: { who: 'free1' } })
  await source.client.getPage('/beta/x', { params: { who: 'free2' } })
  await expect(source.client.getPage('/beta/x', { params: { who: 'first' } })).rejects.toMatchObject({
    kind: 'throttled',
  })
  // From here one request per simulated second, the page's first.
  const exported = source.backgroundClient!.getPage('/beta/x', { params: { who: 'export' } })
  const page = source.client.getPage('/beta/x', { params: { who: 'page' } })
  await clock.runAll()
  await Promise.all([exported, page])
  expect(seen).toEqual(['free1', 'free2', 'first', 'page', 'export'])
  expect(scheduler.stats.startedByPriority).toEqual({ foreground: 4, background: 1 })
})
