import { renderHook } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createMockDataSource, DataSourceProvider, MOCK_ACCESS_TOKEN, useDataSource } from './data-source.tsx'

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

test('with `ready`, the mock source sends nothing until the fake is ready, then the request goes through', async () => {
  let requests = 0
  server.use(
    http.get('https://graph.microsoft.com/beta/auditLogs/signIns', () => {
      requests += 1
      return HttpResponse.json({ value: [] })
    }),
  )
  let markReady = () => {}
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const source = createMockDataSource({ ready })
  const page = source.client.getPage('/beta/auditLogs/signIns')
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(requests).toBe(0)
  markReady()
  await expect(page).resolves.toMatchObject({ value: [] })
  expect(requests).toBe(1)
})

test('with `ready` rejected, every request fails with that error instead of reaching the network', async () => {
  let requests = 0
  server.use(
    http.get('https://graph.microsoft.com/beta/auditLogs/signIns', () => {
      requests += 1
      return HttpResponse.json({ value: [] })
    }),
  )
  const ready = Promise.reject(new Error('worker failed to start'))
  ready.catch(() => {})
  const source = createMockDataSource({ ready, retry: { maxAttempts: 1 } })
  await expect(source.client.getPage('/beta/auditLogs/signIns')).rejects.toBeTruthy()
  expect(requests).toBe(0)
})
