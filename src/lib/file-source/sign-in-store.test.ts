// @vitest-environment node
import * as fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createNodeStore } from './node-duckdb.testing.ts'
import { odataFilterToSql, FilterSyntaxError } from './odata-sql.ts'
import type { FileRecord } from './read-file.ts'
import type { FileSignIn } from './record-shape.ts'
import { fakeDirectory, fakeLocks } from './record-texts.testing.ts'
import { spillRecordTexts } from './record-texts.ts'
import type { SignInStore } from './sign-in-store.ts'

const record = (id: string, createdDateTime: string, extra: Record<string, unknown> = {}): FileRecord => ({
  signIn: {
    id,
    createdDateTime,
    signInEventTypes: ['interactiveUser'],
    userPrincipalName: `${id}@contoso.example`,
    status: { errorCode: 0, failureReason: null, additionalDetails: null },
    ...extra,
  },
  raw: { original: id },
  file: 'a.json',
  line: 1,
})

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`

describe('the engine (real duckdb-wasm)', () => {
  let store: SignInStore
  beforeAll(async () => {
    store = await createNodeStore()
    await store.insert([
      record('a', '2026-11-20T08:00:00Z'),
      record('b', '2026-11-21T08:00:00Z', {
        status: { errorCode: 50126, failureReason: 'x', additionalDetails: null },
      }),
      record('c', '2026-11-19T08:00:00Z', {
        signInEventTypes: ['managedIdentity'],
        location: { city: 'Redmond', state: null, countryOrRegion: 'US', geoCoordinates: null },
      }),
    ])
  }, 60_000)

  it('lists newest first and pages', async () => {
    expect((await store.list({ top: 10 })).map((r) => r.signIn.id)).toEqual(['b', 'a', 'c'])
    expect((await store.list({ top: 1, skip: 1 })).map((r) => r.signIn.id)).toEqual(['a'])
  })

  it('answers Graph $filter text the way Graph does', async () => {
    const ids = async (filter: string) => (await store.list({ filter, top: 10 })).map((r) => r.signIn.id)
    expect(await ids("signInEventTypes/any(t: t eq 'managedIdentity')")).toEqual(['c'])
    expect(await ids('status/errorCode eq 0 and createdDateTime ge 2026-11-20T00:00:00Z')).toEqual(['a'])
    expect(await ids("startswith(userPrincipalName,'B@') or startswith(location/city,'red')")).toEqual([
      'b',
      'c',
    ])
    expect(await ids("not (userPrincipalName eq 'A@CONTOSO.EXAMPLE')")).toEqual(['b', 'c'])
    expect(await store.count('createdDateTime le 2026-11-20T08:00:00.000Z')).toBe(2)
    // A group's missing key: `eq null` names the sign-ins without one, `ne null` the others.
    expect(await ids('location/city eq null')).toEqual(['b', 'a'])
    expect(await ids('location/city ne null')).toEqual(['c'])
  })

  it('gives a record with its raw form, and the files’ time span', async () => {
    expect(await store.get('c')).toMatchObject({
      signIn: { location: { city: 'Redmond' } },
      raw: { original: 'c' },
    })
    expect(await store.get('nope')).toBeNull()
    expect(await store.span()).toEqual({
      oldest: '2026-11-19T08:00:00.000Z',
      newest: '2026-11-21T08:00:00.000Z',
    })
  })

  it('gives back a record kept as the file’s text plus what normalising changed', async () => {
    const raw = {
      id: 'spread',
      createdDateTime: '2026-11-18T08:00:00Z',
      userPrincipalName: 'spread@contoso.example',
      status: { errorCode: 0, failureReason: null, additionalDetails: null },
      dropped: 'only in the file',
    }
    const { dropped: _, ...kept } = raw
    const signIn: FileSignIn = {
      ...kept,
      createdDateTime: '2026-11-18T08:00:00.000Z',
      signInEventTypes: ['interactiveUser'],
    }
    await store.insert([{ signIn, raw, rawText: JSON.stringify(raw, null, 2), file: 'b.ndjson', line: 7 }])
    const expected = { signIn, raw, file: 'b.ndjson', line: 7 }
    expect(await store.get('spread')).toEqual(expected)
    const listed = await store.list({ filter: "id eq 'spread'", top: 1 })
    expect(listed).toEqual([expected])
  })

  it('keeps the records’ texts in the spill file, reads them back from it, and deletes it when closed', async () => {
    const { directory, files } = fakeDirectory()
    const spill = await spillRecordTexts(directory, fakeLocks().locks, 'store')
    const spilled = await createNodeStore(spill)
    const graph = {
      id: 'g',
      createdDateTime: '2026-11-18T08:00:00Z',
      city: 'Zürich',
      extra: 'x'.repeat(3000),
    }
    const csvRow = { 'Request ID': 'c', Date: '11/18/2026, 9:00:00 AM' }
    await spilled.insert([
      { signIn: { ...graph, signInEventTypes: ['interactiveUser'] }, raw: graph, file: 'g.ndjson', line: 1 },
      record('c', '2026-11-18T09:00:00Z', {}),
    ])
    await spilled.insert([
      {
        ...record('c2', '2026-11-18T10:00:00Z', { signInEventTypes: ['managedIdentity'] }),
        raw: csvRow,
      },
    ])
    const bytes = new TextDecoder().decode(files.get(spill.name))
    expect(bytes).toContain(JSON.stringify(graph))
    expect(bytes).toContain(JSON.stringify(csvRow))

    expect(await spilled.get('g')).toMatchObject({
      signIn: { city: 'Zürich', extra: graph.extra },
      raw: graph,
    })
    expect((await spilled.list({ top: 10 })).map((r) => [r.signIn.id, r.raw])).toEqual([
      ['c2', csvRow],
      ['c', { original: 'c' }],
      ['g', graph],
    ])
    const [group] = await spilled.summarize({ eventType: 'managedIdentity', window: 'd1', top: 1 })
    expect(group?.newest).toMatchObject({ id: 'c2', userPrincipalName: 'c2@contoso.example' })

    await spilled.close()
    expect(files.size).toBe(0)
    await expect(spilled.get('g')).rejects.toThrow('closed')
  }, 60_000)

  it('answers from a snapshot of the first records stored while later batches come in', async () => {
    const snapshot = await createNodeStore()
    const upTo = await snapshot.insert([record('old', '2026-11-01T08:00:00Z')])
    expect(upTo).toBe(1)
    expect(
      await snapshot.insert([
        record('new', '2026-11-02T08:00:00Z', { signInEventTypes: ['managedIdentity'] }),
      ]),
    ).toBe(2)
    expect((await snapshot.list({ top: 10, upTo })).map((r) => r.signIn.id)).toEqual(['old'])
    expect(await snapshot.count(undefined, upTo)).toBe(1)
    expect(await snapshot.get('new', upTo)).toBeNull()
    expect(await snapshot.span(upTo)).toEqual({
      oldest: '2026-11-01T08:00:00.000Z',
      newest: '2026-11-01T08:00:00.000Z',
    })
    const groups = { eventType: 'managedIdentity', window: 'd1', top: 10 } as const
    expect(await snapshot.summarize({ ...groups, upTo })).toEqual([])
    expect(await snapshot.summarize(groups)).toHaveLength(1)
    expect(await snapshot.count()).toBe(2)
  }, 60_000)

  it('refuses what it cannot filter on, rather than ignoring it', () => {
    expect(() => odataFilterToSql("userAgent eq 'x'")).toThrow(FilterSyntaxError)
    expect(() => odataFilterToSql("userPrincipalName eq 'open")).toThrow(FilterSyntaxError)
    expect(() => odataFilterToSql('createdDateTime ge null')).toThrow(FilterSyntaxError)
    expect(() => odataFilterToSql("id eq 'x'", { id: null })).toThrow(FilterSyntaxError)
  })

  it('hostile values are data, never SQL (property)', async () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.constantFrom("'; DROP TABLE sign_ins; --", "' OR '1'='1", '\\', '"', '%_', "''", '\u0000', 'Ω’é'),
    )
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        const where = odataFilterToSql(
          `userPrincipalName eq ${quote(value)} or startswith(appDisplayName,${quote(value)})`,
        )
        expect(where.sql).toBe(
          '(lower(user_principal_name) = lower(?) OR starts_with(lower(app_display_name), lower(?)))',
        )
        expect(where.params).toEqual([value, value])
        const id = `hostile-${Math.random()}`
        await store.insert([
          record(id, '2020-01-01T00:00:00Z', { userPrincipalName: value, appDisplayName: 'zzz' }),
        ])
        const found = await store.list({
          filter: `userPrincipalName eq ${quote(value)} and createdDateTime le 2020-01-01T00:00:00Z`,
          top: 1000,
        })
        expect(found.map((r) => r.signIn.id)).toContain(id)
        expect(found.every((r) => r.signIn.userPrincipalName?.toLowerCase() === value.toLowerCase())).toBe(
          true,
        )
        expect(await store.count()).toBeGreaterThan(3)
      }),
      { numRuns: 60 },
    )
  }, 120_000)
})
