// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest'
import { betaSignInSchema } from '../../../contract/sign-in.ts'
import { GraphError } from '../graph/errors.ts'
import { createFilesGraphClient } from './files-graph-client.ts'
import { createNodeStore } from './node-duckdb.testing.ts'
import type { SignInStore } from './sign-in-store.ts'
import { haveRealFixtures, readAll, realFile } from './testing.ts'

describe.skipIf(!haveRealFixtures)('the files answer the page’s Graph requests', () => {
  let store: SignInStore
  beforeAll(async () => {
    store = await createNodeStore()
    for (const name of [
      'sentinel-traininglab-signinlogs-adele.csv',
      'datadog-blob-managedidentitysigninlogs.ndjson',
    ]) {
      await store.insert((await readAll(realFile(name))).records)
    }
  }, 60_000)

  const client = () =>
    createFilesGraphClient({
      list: (filter, top, skip) => store.list({ filter, top, skip }),
      summarize: (query) => store.summarize(query),
      get: (id) => store.get(id),
    })

  it('pages the list newest first with next links, each record in the beta shape', async () => {
    const pages = []
    for await (const page of client().iteratePages<Record<string, unknown>>('/beta/auditLogs/signIns', {
      params: { $top: '20', $filter: 'createdDateTime ge 2021-01-01T00:00:00Z' },
    })) {
      pages.push(page)
    }
    const records = pages.flatMap((page) => page.value)
    // No event type in the filter: interactive only, as Graph (the 56 Sentinel rows, not the 24 managed identities).
    expect(records).toHaveLength(56)
    expect(pages.map((page) => page.value.length)).toEqual([20, 20, 16])
    const times = records.map((r) => String(r.createdDateTime))
    expect([...times].sort().reverse()).toEqual(times)
    for (const record of records)
      expect(
        (betaSignInSchema.safeParse(record).error?.issues ?? [])
          .filter((i) => i.code !== 'unrecognized_keys')
          .map((i) => `${i.path.join('.')} ${i.code}`),
      ).toEqual([])
  })

  it('filters by tab and status as Graph would', async () => {
    const page = await client().getPage<{ id: string; status: { errorCode: number } }>(
      '/beta/auditLogs/signIns',
      {
        params: {
          $top: '100',
          $filter: "signInEventTypes/any(t: t eq 'managedIdentity') and status/errorCode eq 0",
        },
      },
    )
    expect(page.value.length).toBeGreaterThan(0)
    expect(page.value.length).toBeLessThanOrEqual(24)
    expect(page.value.every((r) => r.status.errorCode === 0)).toBe(true)
  })

  it('gives one sign-in by id, and a clear error for an unknown one or an unknown function', async () => {
    const entity = await client().getEntity<{ id: string }>(
      '/beta/auditLogs/signIns/cfb68155-70f5-4e28-b046-0a3a7086c401',
    )
    expect(entity.id).toBe('cfb68155-70f5-4e28-b046-0a3a7086c401')
    await expect(client().getEntity('/beta/auditLogs/signIns/nope')).rejects.toMatchObject({
      kind: 'not-found',
    })
    await expect(
      client().getPage("/beta/auditLogs/getSummarizedInteractiveSignIns(aggregationWindow='h1')"),
    ).rejects.toBeInstanceOf(GraphError)
    await expect(
      client().getPage("/beta/auditLogs/getSummarizedMSISignIns(aggregationWindow='w1')"),
    ).rejects.toThrow('Unknown aggregation window w1')
  })

  it('groups the managed identities of the real export by the summaries’ keys', async () => {
    const page = await client().getPage<{ signInCount: number; aggregationDateTime: string }>(
      "/beta/auditLogs/getSummarizedMSISignIns(aggregationWindow='d1')",
      { params: { $filter: 'aggregationDateTime ge 2021-01-01T00:00:00Z' } },
    )
    expect(page.value.reduce((sum, row) => sum + row.signInCount, 0)).toBe(24)
    expect(page.value.every((row) => row.aggregationDateTime.endsWith('T00:00:00Z'))).toBe(true)
  })
})

it('hands the page’s abort signal to the engine’s queries, so an abandoned page can be withdrawn', async () => {
  const signals: (AbortSignal | undefined)[] = []
  const client = createFilesGraphClient({
    list: async (_filter, _top, _skip, signal) => {
      signals.push(signal)
      return []
    },
    summarize: async (_query, signal) => {
      signals.push(signal)
      return []
    },
    get: async () => null,
  })
  const { signal } = new AbortController()
  await client.getPage('/beta/auditLogs/signIns', { signal })
  await client.getPage("/beta/auditLogs/getSummarizedNonInteractiveSignIns(aggregationWindow='d1')", {
    signal,
  })
  expect(signals).toEqual([signal, signal])
})
