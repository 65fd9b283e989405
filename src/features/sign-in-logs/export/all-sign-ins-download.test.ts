/**
 * The All sign-ins JSON file against the fake tenant: the four lists merged newest first, every record once, each
 * with its sign-in type, written by the download path the other files use (also across small merged pages).
 */
import { signInEventTypes, type BetaSignIn } from '../../../../contract/sign-in.ts'
import type { GraphPage } from '../../../lib/graph/client.ts'
import { createMockGraphServer } from '../../../../mocks/node.ts'
import { createGraphClient } from '../../../lib/graph/index.ts'
import { compareNewestFirst } from '../api/merge-streams.ts'
import { mergedPagesClient } from '../api/all-sign-ins.ts'
import { allSignInsRequests } from '../api/all-sign-ins-requests.ts'
import { defaultViewState, type ViewState } from '../model/view-state.ts'
import { allSignInsJsonFile, encoderFor, filesForView } from './download-files.ts'
import { mergedDownloadFor } from './download-query.ts'
import { runDownload } from './run-download.ts'
import { memorySink } from './sinks.ts'

const NOW = new Date('2026-11-30T12:00:00Z')
const mock = createMockGraphServer({ seed: 7, now: NOW, size: 'small' })
beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => mock.server.close())

const client = createGraphClient({
  baseUrl: 'https://graph.microsoft.com',
  getAccessToken: async () => 'mock-tenant-token',
  retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
})

const state: ViewState = { ...defaultViewState, tab: 'all', range: { preset: '24h' } }
const from = NOW.getTime() - 24 * 3_600_000
const expected = signInEventTypes
  .flatMap((type) =>
    Array.from({ length: mock.tenant.hourCount }, (_, hour) => mock.tenant.signInsInHour(type, hour)).flat(),
  )
  .filter((row) => Date.parse(row.createdDateTime) >= from)
  .sort(compareNewestFirst)

it('the JSON pane offers the merged file on the All sign-ins tab only', () => {
  expect(filesForView('json', 'all')).toContain(allSignInsJsonFile)
  expect(filesForView('json', 'interactive')).not.toContain(allSignInsJsonFile)
  expect(filesForView('csv', 'all')).not.toContain(allSignInsJsonFile)
})

it('the All sign-ins file holds the four types merged newest first, each record with its type', async () => {
  const { request, accept, client: merged } = mergedDownloadFor({ client }, state, NOW)
  const sink = memorySink()
  const result = await runDownload({
    client: merged,
    request,
    accept,
    encoder: encoderFor(allSignInsJsonFile, { bom: false }),
    sink,
  })
  const records = JSON.parse(sink.text()) as BetaSignIn[]
  expect(result).toMatchObject({ outcome: 'completed', recordsWritten: expected.length })
  expect(records.map((r) => r.id)).toEqual(expected.map((r) => r.id))
  expect(new Set(records.map((r) => r.signInEventTypes[0])).size).toBe(4)
})

it('small merged pages resume from their cursor and lose or repeat nothing', async () => {
  const requests = allSignInsRequests(state, NOW).map(({ request }) => ({
    ...request,
    params: { ...request.params, $top: '37' },
  }))
  const merged = mergedPagesClient({ client }, requests, 50)
  const ids: string[] = []
  let next: string | null = merged.start
  // Each page is asked for afresh from its link, as a download resumed after a pause does.
  while (next !== null) {
    const pages: AsyncGenerator<GraphPage<BetaSignIn>> = merged.client.iteratePages<BetaSignIn>(next)
    const first: IteratorResult<GraphPage<BetaSignIn>> = await pages.next()
    if (first.done) break
    ids.push(...first.value.value.map((r) => r.id))
    next = first.value.nextLink
    await pages.return(undefined)
  }
  expect(ids).toEqual(expected.map((r) => r.id))
})
