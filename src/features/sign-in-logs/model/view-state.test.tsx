import type { ReactNode } from 'react'
import { act, renderHook, waitFor } from '@testing-library/react'
import * as fc from 'fast-check'
import { filterFieldsFor } from './filter-fields.ts'
import { viewTabIds, type FilterSet } from './tabs.ts'
import { parseDateTimeInput, validateCustomRange } from './date-input.ts'
import {
  defaultViewState,
  parseViewState,
  resolveDateRange,
  serializeViewState,
  type ViewState,
} from './view-state.ts'
import { ClockProvider } from '../../../lib/clock/clock.tsx'
import { useViewState } from './use-view-state.ts'

const now = new Date('2026-11-30T12:00:00Z')

describe('parseViewState', () => {
  test('an empty query is the default view', () => {
    expect(parseViewState('', now)).toEqual({ state: defaultViewState, problems: [] })
  })

  test('reads every part of the view', () => {
    const { state, problems } = parseViewState(
      '?tab=service-principal&range=custom&start=2026-11-29T00:00:00Z&end=2026-11-30T00:00:00.000Z&agg=h6&dates=utc' +
        '&sp.status=Failure&user.clientApp=Browser&user.clientApp=IMAP4&user.user=O%27Brien&selected=0b4d2c1e-5f6a-4b7c-8d9e-0a1b2c3d4e5f',
      now,
    )
    expect(problems).toEqual([])
    expect(state).toEqual<ViewState>({
      tab: 'service-principal',
      range: { preset: 'custom', start: '2026-11-29T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' },
      aggregate: 'h6',
      dates: 'utc',
      filters: {
        user: [
          { field: 'clientApp', values: ['Browser', 'IMAP4'] },
          { field: 'user', values: ["O'Brien"] },
        ],
        servicePrincipal: [{ field: 'status', values: ['Failure'] }],
        managedIdentity: [],
        all: [],
      },
      selected: '0b4d2c1e-5f6a-4b7c-8d9e-0a1b2c3d4e5f',
    })
  })

  test.each([
    ['?tab=audit', 'tab'],
    ['?range=2d', 'date range'],
    ['?agg=d7', 'agg'],
    ['?dates=gmt', 'dates'],
    ['?user.nope=1', 'user.nope'],
    ['?sp.clientApp=Browser', 'not a filter of this log'],
    ['?user.status=Maybe', 'not one of its options'],
    ['?user.status=Success&user.status=Failure', 'takes one value'],
    ['?user.user=', '1 to 256 characters'],
    ['?range=custom&start=yesterday&end=now', 'ISO 8601'],
    ['?range=custom&start=2026-10-01T00:00:00Z&end=2026-10-02T00:00:00Z', 'within the last 30 days'],
    ['?range=custom&start=2026-11-30T00:00:00Z&end=2026-11-29T00:00:00Z', 'End must be after start'],
    ['?range=custom&start=2026-11-30T00:00:00Z&end=2026-12-01T00:00:00Z', 'future'],
  ])('%s is dropped with a message', (search, words) => {
    const { problems } = parseViewState(search, now)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(words)
  })

  test('never throws and always yields a valid state, whatever the query (hostile strings)', () => {
    const paramKeys = [
      'tab',
      'range',
      'start',
      'end',
      'agg',
      'dates',
      'selected',
      'user.user',
      'user.status',
      'sp.x',
      'mi.managedIdentityType',
      'user.clientApp',
    ]
    const query = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc
        .array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...paramKeys), fc.string({ maxLength: 10 })),
            fc.string({ unit: 'grapheme', maxLength: 300 }),
          ),
          { maxLength: 8 },
        )
        .map(
          (pairs) =>
            '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
        ),
      fc.constantFrom(
        '?%',
        '?%E0%A4%A',
        '?&&&==&',
        '?tab=%00',
        '?user.user=' + 'x'.repeat(10_000),
        '?__proto__=1&constructor=2',
      ),
    )
    fc.assert(
      fc.property(query, (search) => {
        const { state, problems } = parseViewState(search, now)
        expect(viewTabIds).toContain(state.tab)
        expect(Array.isArray(problems)).toBe(true)
        for (const message of problems) expect(message.length).toBeLessThan(400)
        // Whatever survived parsing round-trips unchanged.
        expect(parseViewState(serializeViewState(state), now).state).toEqual(state)
      }),
      { numRuns: 200 },
    )
  })
})

describe('"is not" pills', () => {
  test('round-trip through the URL as `not.` keys', () => {
    const state: ViewState = {
      ...defaultViewState,
      filters: {
        user: [
          { field: 'status', values: ['Success'], negated: true },
          { field: 'application', values: ['Teams'] },
        ],
        servicePrincipal: [{ field: 'resource', values: ['Graph'], negated: true }],
        managedIdentity: [],
        all: [],
      },
    }
    const query = serializeViewState(state)
    expect(query).toBe('?user.not.status=Success&user.application=Teams&sp.not.resource=Graph')
    expect(parseViewState(query, now)).toEqual({ state, problems: [] })
  })

  test('one pill per field: a second one for the same field is ignored and said', () => {
    const { state, problems } = parseViewState('?user.status=Failure&user.not.status=Success', now)
    expect(state.filters.user).toEqual([{ field: 'status', values: ['Failure'] }])
    expect(problems).toEqual(['Ignored filter "user.not.status": the field already has a filter.'])
  })
})

describe('hostile addresses stay cheap and quiet', () => {
  test('at most 5 problems are listed, the rest counted', () => {
    const search = Array.from({ length: 12 }, (_, i) => `user.nope${i}=x`).join('&')
    const { state, problems } = parseViewState(`?${search}`, now)
    expect(problems).toHaveLength(6)
    expect(problems.slice(0, 5).every((problem) => problem.startsWith('Ignored filter'))).toBe(true)
    expect(problems[5]).toBe('…and 7 more.')
    expect(state).toEqual(defaultViewState)
  })

  test('5 problems are listed without a count', () => {
    const search = Array.from({ length: 5 }, (_, i) => `user.nope${i}=x`).join('&')
    expect(parseViewState(`?${search}`, now).problems).toHaveLength(5)
  })

  test.each([
    'abc-123',
    '../../beta/auditLogs',
    '0b4d2c1e-5f6a-4b7c-8d9e-0a1b2c3d4e5f0',
    '{0b4d2c1e-5f6a-4b7c-8d9e-0a1b2c3d4e5f}',
  ])('selected=%s is not a GUID: dropped with a message', (value) => {
    const { state, problems } = parseViewState(`?selected=${encodeURIComponent(value)}`, now)
    expect(state.selected).toBeNull()
    expect(problems).toEqual([expect.stringMatching(/^Ignored selected .*not a sign-in id \(a GUID\)/)])
  })

  test('a GUID selected is kept, trimmed', () => {
    const id = '0B4D2C1E-5F6A-4B7C-8D9E-0A1B2C3D4E5F'
    expect(parseViewState(`?selected=%20${id}%20`, now).state.selected).toBe(id)
  })

  test('a 1 MB query string is refused whole, without reading its parameters', () => {
    const huge = `?tab=service-principal&user.user=${'a'.repeat(1024 * 1024)}`
    const parse = vi.spyOn(URLSearchParams.prototype, 'getAll')
    try {
      const { state, problems } = parseViewState(huge, now)
      expect(state).toEqual(defaultViewState)
      expect(problems).toEqual([
        expect.stringMatching(/^Ignored the address parameters: they are 1,048,6\d\d characters long/),
      ])
      expect(parse).not.toHaveBeenCalled()
    } finally {
      parse.mockRestore()
    }
  })
})

describe('serializeViewState', () => {
  test('defaults are omitted', () => expect(serializeViewState(defaultViewState)).toBe(''))

  test('round-trips random valid states', () => {
    const filterSet = (set: FilterSet) => {
      const fields = filterFieldsFor(set)
      return fc.uniqueArray(
        fc.constantFrom(...fields).chain((field) => {
          const options =
            field.valueType === 'bool' ? ['true', 'false'] : (field.choices ?? []).map((c) => c.value)
          const values =
            field.valueType === 'multi'
              ? fc.uniqueArray(fc.constantFrom(...options), { minLength: 1, maxLength: 3 })
              : options.length > 0
                ? fc.constantFrom(...options).map((v) => [v])
                : fc
                    .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
                    .filter((s) => s.trim() === s && s.length > 0)
                    .map((v) => [v])
          return values.map((v) => ({ field: field.id, values: v }))
        }),
        { selector: (pill) => pill.field, maxLength: 4 },
      )
    }
    const state = fc.record<ViewState>({
      tab: fc.constantFrom(...viewTabIds),
      range: fc.oneof(
        fc.constantFrom({ preset: '1m' as const }, { preset: '7d' as const }, { preset: '24h' as const }),
        fc.integer({ min: 1, max: 20 * 24 }).map((hours) => ({
          preset: 'custom' as const,
          start: new Date(now.getTime() - hours * 3_600_000).toISOString(),
          end: new Date(now.getTime() - 60_000).toISOString(),
        })),
      ),
      aggregate: fc.constantFrom('d1', 'h6', 'h1'),
      filters: fc.record({
        user: filterSet('user'),
        servicePrincipal: filterSet('servicePrincipal'),
        managedIdentity: filterSet('managedIdentity'),
        all: filterSet('all'),
      }),
      dates: fc.constantFrom('local', 'utc'),
      selected: fc.option(fc.uuid(), { nil: null }),
    })
    fc.assert(
      fc.property(state, (s) => {
        expect(parseViewState(serializeViewState(s), now)).toEqual({ state: s, problems: [] })
      }),
      { numRuns: 200 },
    )
  })
})

describe('date ranges', () => {
  test('presets end now; Last 1 month is the 30-day retention', () => {
    expect(resolveDateRange({ preset: '24h' }, now)).toEqual({
      from: new Date('2026-11-29T12:00:00Z'),
      to: now,
    })
    expect(resolveDateRange({ preset: '7d' }, now).from).toEqual(new Date('2026-11-23T12:00:00Z'))
    expect(resolveDateRange({ preset: '1m' }, now).from).toEqual(new Date('2026-10-31T12:00:00Z'))
  })

  test('custom ranges resolve to their instants', () => {
    const range = {
      preset: 'custom' as const,
      start: '2026-11-20T00:00:00.000Z',
      end: '2026-11-21T00:00:00.000Z',
    }
    expect(resolveDateRange(range, now)).toEqual({ from: new Date(range.start), to: new Date(range.end) })
  })

  test.each<[string, string, { start?: string; end?: string }]>([
    ['2026-11-29 10:00Z', '2026-11-30T11:00:00Z', {}],
    ['2026-11-30T11:00:00Z', '2026-11-30T10:00:00Z', { end: 'End must be after start' }],
    ['2026-11-30T11:00:00Z', '2026-11-30T11:00:00Z', { end: 'End must be after start' }],
    ['2026-10-20T00:00:00Z', '2026-10-21T00:00:00Z', { start: 'Start must be within the last 30 days' }],
    [
      '2026-12-01T00:00:00Z',
      '2026-12-02T00:00:00Z',
      { start: 'Start cannot be in the future', end: 'End cannot be in the future' },
    ],
    ['2026-11-29T00:00:00Z', '2026-12-31T00:00:00Z', { end: 'End cannot be in the future' }],
    ['yesterday', '2026-11-30T11:00:00Z', { start: 'Enter a date and time, e.g. 2026-11-30 14:00' }],
    ['2026-11-29T00:00:00Z', '', { end: 'Enter a date and time, e.g. 2026-11-30 14:00' }],
  ])('validateCustomRange(%s, %s)', (start, end, messages) => {
    expect(validateCustomRange(start, end, now)).toEqual(messages)
  })

  test('a range longer than one calendar month is refused even inside retention', () => {
    const march = new Date('2027-03-01T12:00:00Z')
    // 2027-01-31 + 1 month = 2027-02-28; 29 days later is still within 30 days of "now".
    expect(validateCustomRange('2027-01-31T11:00:00Z', '2027-03-01T11:00:00Z', march)).toEqual({
      end: 'The range can be at most one month',
    })
  })
})

describe('parseDateTimeInput', () => {
  test.each([
    ['2026-11-30T14:00:00Z', '2026-11-30T14:00:00.000Z'],
    ['2026-11-30 14:00Z', '2026-11-30T14:00:00.000Z'],
    ['2026-11-30T14:00:00.1234567Z', '2026-11-30T14:00:00.123Z'],
    ['2026-11-30T15:00:00+01:00', '2026-11-30T14:00:00.000Z'],
    ['  2026-11-30 14:00  ', '2026-11-30T14:00:00.000Z'],
    ['2026/11/30 14:00', '2026-11-30T14:00:00.000Z'],
    ['11/30/2026, 2:00:00 PM', '2026-11-30T14:00:00.000Z'],
  ])('%s (UTC wall time) -> %s', (text, iso) =>
    expect(parseDateTimeInput(text, 'utc')?.toISOString()).toBe(iso),
  )

  test('without an offset, local mode reads local wall time', () => {
    expect(parseDateTimeInput('2026-11-30 14:00')?.getTime()).toBe(new Date(2026, 10, 30, 14, 0).getTime())
  })

  test.each(['', 'tomorrow', '2026-13-01 10:00', '30/11/2026 14:00', '2026-11-31T10:00:00Z'])(
    '%j is not a date-time',
    (text) => expect(parseDateTimeInput(text)).toBeNull(),
  )
})

describe('useViewState', () => {
  afterEach(() => window.history.replaceState(null, '', '/'))

  test('updates push history entries; Back and Forward restore them; replace does not add one', async () => {
    window.history.replaceState(null, '', '/logs')
    const { result } = renderHook(() => useViewState())
    expect(result.current[0]).toEqual(defaultViewState)
    const startLength = window.history.length

    act(() => result.current[1]({ tab: 'managed-identity' }))
    expect(window.location.search).toBe('?tab=managed-identity')
    expect(result.current[0].tab).toBe('managed-identity')
    expect(window.history.length).toBe(startLength + 1)

    act(() =>
      result.current[1](
        (s) => ({
          ...s,
          filters: { ...s.filters, managedIdentity: [{ field: 'resource', values: ['Key'] }] },
        }),
        { replace: true },
      ),
    )
    expect(window.history.length).toBe(startLength + 1)
    expect(window.location.search).toBe('?tab=managed-identity&mi.resource=Key')

    act(() => result.current[1]({ dates: 'utc' }))
    expect(result.current[0]).toMatchObject({ tab: 'managed-identity', dates: 'utc' })

    act(() => window.history.back())
    await waitFor(() => expect(result.current[0].dates).toBe('local'))
    expect(result.current[0].filters.managedIdentity).toEqual([{ field: 'resource', values: ['Key'] }])

    act(() => window.history.forward())
    await waitFor(() => expect(result.current[0].dates).toBe('utc'))
    expect(window.location.pathname).toBe('/logs')
  })

  test('reports the problems of the current URL', () => {
    window.history.replaceState(null, '', '/?tab=nope')
    const { result } = renderHook(() => useViewState())
    expect(result.current[2]).toHaveLength(1)
    expect(result.current[0].tab).toBe('interactive')
  })

  test('checks a custom range against the page clock, never the real time', () => {
    // The real time is months past the page's clock (a mock tenant pinned to VITE_MOCK_NOW): a range that is
    // inside the page's 30 days must survive the parser, in the state and in the next update.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2027-06-01T00:00:00Z'))
    try {
      const search = '?range=custom&start=2026-11-29T06:00:00.000Z&end=2026-11-30T06:00:00.000Z'
      window.history.replaceState(null, '', `/${search}`)
      const wrapper = ({ children }: { children: ReactNode }) => (
        <ClockProvider clock={() => new Date(now)}>{children}</ClockProvider>
      )
      const { result } = renderHook(() => useViewState(), { wrapper })
      expect(result.current[2]).toEqual([])
      expect(result.current[0].range).toEqual({
        preset: 'custom',
        start: '2026-11-29T06:00:00.000Z',
        end: '2026-11-30T06:00:00.000Z',
      })
      act(() => result.current[1]({ dates: 'utc' }))
      expect(new URLSearchParams(window.location.search).get('start')).toBe('2026-11-29T06:00:00.000Z')
      expect(new URLSearchParams(window.location.search).get('dates')).toBe('utc')
    } finally {
      vi.useRealTimers()
    }
  })
})
