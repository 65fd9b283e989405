/**
 * The real download path against the fake tenant (mocks/node.ts): each pane file's query, built by the
 * grid's own request builder, written by runDownload, equals paging that query through the API — also
 * under the tenant's `throttle` and `flaky` scenarios.
 */
import Papa from 'papaparse'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { createMockGraphServer } from '../../../../mocks/node.ts'
import { createGraphClient, type WaitInfo } from '../../../lib/graph/index.ts'
import { tabById } from '../model/tabs.ts'
import { defaultViewState, type ViewState } from '../model/view-state.ts'
import { downloadFiles, encoderFor } from './download-files.ts'
import { downloadQueryFor } from './download-query.ts'
import { runDownload } from './run-download.ts'
import { memorySink } from './sinks.ts'

const NOW = new Date('2026-11-30T12:00:00Z')
const mock = createMockGraphServer({
  seed: 7,
  now: NOW,
  size: 'small',
  // Small throttle window so a 429's Retry-After costs well under a second here.
  faults: { throttle: { capacity: 3, windowMs: 600 } },
})

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  mock.server.resetHandlers()
  mock.scenarios.set('none')
})
afterAll(() => mock.server.close())

const client = createGraphClient({
  baseUrl: 'https://graph.microsoft.com',
  getAccessToken: async () => 'mock-tenant-token',
  retry: { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 20 },
})

const state: ViewState = { ...defaultViewState, range: { preset: '24h' } }

/** The same query paged to the end (small pages, so several nextLinks are followed). */
async function pagedIds(
  path: string,
  params: Record<string, string | undefined>,
  accept: (r: BetaSignIn) => boolean,
) {
  const ids: string[] = []
  for await (const page of client.iteratePages<BetaSignIn>(path, { params }))
    ids.push(...page.value.filter(accept).map((r) => r.id))
  return ids
}

function idsInFile(text: string, format: 'csv' | 'json', requestIdColumn: number): string[] {
  if (format === 'json') return (JSON.parse(text) as BetaSignIn[]).map((r) => r.id)
  const rows = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data
  return rows.slice(1).map((row) => row[requestIdColumn] ?? '')
}

describe('runDownload against the fake tenant', () => {
  it.each(downloadFiles.filter((file) => file.csv !== 'authDetails').map((file) => [file.id, file] as const))(
    '%s holds the records of paging the same query, in order',
    async (_id, file) => {
      const { request, accept } = downloadQueryFor(file, state, NOW)
      expect(request.path).toBe('/beta/auditLogs/signIns')
      if (file.tab !== 'all' && tabById(file.tab).grouped)
        expect(request.params?.$filter).toContain('signInEventTypes')
      // Small pages force several nextLinks through the real pipeline.
      const small = { ...request, params: { ...request.params, $top: '100' } }
      const sink = memorySink()
      const result = await runDownload({
        client,
        request: small,
        accept,
        encoder: encoderFor(file, { bom: false }),
        sink,
      })
      const expected = await pagedIds(small.path, small.params, accept)
      expect(expected.length).toBeGreaterThan(0)
      expect(result).toMatchObject({ outcome: 'completed', recordsWritten: expected.length })
      expect(idsInFile(sink.text(), file.format, 1)).toEqual(expected)
    },
  )

  it('AuthDetails: one row per authentication step, joined by Request ID', async () => {
    const file = downloadFiles.find((f) => f.id === 'csv:InteractiveSignIns_AuthDetails')!
    const { request, accept } = downloadQueryFor(file, state, NOW)
    const sink = memorySink()
    await runDownload({ client, request, accept, encoder: encoderFor(file, { bom: false }), sink })
    const records: BetaSignIn[] = []
    for await (const page of client.iteratePages<BetaSignIn>(request.path, { params: request.params }))
      records.push(...page.value)
    const expected = records.flatMap((r) => r.authenticationDetails.map(() => r.id))
    expect(expected.length).toBeGreaterThan(0)
    expect(idsInFile(sink.text(), 'csv', 0)).toEqual(expected)
  })

  it.each(['throttle', 'flaky'] as const)(
    'the %s scenario produces exactly the same file',
    async (scenario) => {
      const file = downloadFiles.find((f) => f.id === 'json:NonInteractiveSignIns')!
      const { request, accept } = downloadQueryFor(file, state, NOW)
      const small = { ...request, params: { ...request.params, $top: '15' } }
      const clean = memorySink()
      await runDownload({
        client,
        request: small,
        accept,
        encoder: encoderFor(file, { bom: false }),
        sink: clean,
      })
      mock.scenarios.set(scenario)
      const faulty = memorySink()
      const waits: WaitInfo['reason'][] = []
      const result = await runDownload({
        client,
        request: small,
        accept,
        encoder: encoderFor(file, { bom: false }),
        sink: faulty,
        onProgress: (p) => p.wait && waits.at(-1) !== p.wait.reason && waits.push(p.wait.reason),
      })
      expect(result.outcome).toBe('completed')
      expect(result.pagesFetched).toBeGreaterThan(3)
      expect(waits.length).toBeGreaterThan(0)
      if (scenario === 'throttle') expect(waits).toContain('throttled')
      expect(faulty.text()).toBe(clean.text())
    },
  )
})
