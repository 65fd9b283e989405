import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import {
  createGraphClient,
  type GraphClientOptions,
  type GraphRequestEvent,
  type WaitInfo,
} from './client.ts'
import { GraphError } from './errors.ts'

// Network-layer mocking with Graph-shaped bodies (graph-api.md §1, §4.1); the fake tenant has its own suite.
const GRAPH = 'https://graph.microsoft.com'
const SIGN_INS = `${GRAPH}/beta/auditLogs/signIns`
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.c2VjcmV0LXBheWxvYWQ.c2ln'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return HttpResponse.json(
    {
      error: {
        code,
        message,
        innerError: {
          date: '2026-11-30T10:00:00',
          'request-id': 'req-body',
          'client-request-id': 'client-body',
        },
      },
    },
    { status, headers: { 'request-id': 'req-header', ...headers } },
  )
}

function client(overrides: Partial<GraphClientOptions> = {}) {
  return createGraphClient({
    baseUrl: GRAPH,
    getAccessToken: async () => TOKEN,
    retry: { baseDelayMs: 1, maxDelayMs: 4 },
    ...overrides,
  })
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof GraphError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

describe('requests', () => {
  test('sends the bearer token, a fresh client-request-id GUID per request, and asks for the evolvable enum members', async () => {
    const seen: Headers[] = []
    server.use(
      http.get(SIGN_INS, ({ request }) => {
        seen.push(request.headers)
        return HttpResponse.json({ value: [] }, { headers: { 'request-id': 'r1' } })
      }),
    )
    const graph = client()
    await graph.getPage('/beta/auditLogs/signIns')
    await graph.getPage('/beta/auditLogs/signIns')
    expect(seen.map((h) => h.get('authorization'))).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`])
    const ids = seen.map((h) => h.get('client-request-id'))
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(2)
    expect(seen[0]?.get('prefer')).toBe('include-unknown-enum-members')
  })

  test('percent-encodes parameter values (space as %20) and skips undefined ones', async () => {
    let url = ''
    server.use(
      http.get(SIGN_INS, ({ request }) => {
        url = request.url
        return HttpResponse.json({ value: [] })
      }),
    )
    await client().getPage('/beta/auditLogs/signIns', {
      params: { $filter: "userDisplayName eq 'Conan O''Brien'", $top: '5', $orderby: undefined },
    })
    // WHATWG URL parsing also escapes the quote (special-query set), so the wire form is %27.
    expect(url).toBe(`${SIGN_INS}?$filter=userDisplayName%20eq%20%27Conan%20O%27%27Brien%27&$top=5`)
    expect(new URL(url).searchParams.get('$filter')).toBe("userDisplayName eq 'Conan O''Brien'")
  })

  test('returns value, nextLink and request-id; follows an absolute nextLink verbatim without re-adding params', async () => {
    const urls: string[] = []
    const nextLink = `${GRAPH}/beta/auditLogs/signins?$filter=startsWith(appDisplayName%2c%27Azure%27)&$top=2&$skiptoken=abc`
    server.use(
      http.get(`${GRAPH}/beta/auditLogs/:segment`, ({ request }) => {
        urls.push(request.url)
        const last = new URL(request.url).searchParams.has('$skiptoken')
        return HttpResponse.json(
          {
            value: last ? [{ id: 'c' }] : [{ id: 'a' }, { id: 'b' }],
            ...(last ? {} : { '@odata.nextLink': nextLink }),
          },
          { headers: { 'request-id': last ? 'r2' : 'r1' } },
        )
      }),
    )
    const pages = []
    for await (const page of client().iteratePages<{ id: string }>('/beta/auditLogs/signIns', {
      params: { $filter: "startsWith(appDisplayName,'Azure')", $top: '2' },
    })) {
      pages.push(page)
    }
    expect(pages).toEqual([
      { value: [{ id: 'a' }, { id: 'b' }], nextLink, requestId: 'r1' },
      { value: [{ id: 'c' }], nextLink: null, requestId: 'r2' },
    ])
    expect(urls[1]).toBe(nextLink)
  })

  test('getEntity strips @odata annotations', async () => {
    server.use(
      http.get(`${SIGN_INS}/abc`, () =>
        HttpResponse.json({
          '@odata.context': `${GRAPH}/beta/$metadata#auditLogs/signIns/$entity`,
          id: 'abc',
        }),
      ),
    )
    expect(await client().getEntity('/beta/auditLogs/signIns/abc')).toEqual({ id: 'abc' })
  })

  test('reports every attempt to onRequest', async () => {
    let calls = 0
    server.use(
      http.get(SIGN_INS, () =>
        ++calls === 1
          ? graphError(503, 'UnknownError', '')
          : HttpResponse.json({ value: [] }, { headers: { 'request-id': 'ok' } }),
      ),
    )
    const events: GraphRequestEvent[] = []
    await client({ onRequest: (e) => events.push(e) }).getPage('/beta/auditLogs/signIns')
    expect(events.map(({ status, attempt, requestId }) => ({ status, attempt, requestId }))).toEqual([
      { status: 503, attempt: 1, requestId: 'req-header' },
      { status: 200, attempt: 2, requestId: 'ok' },
    ])
    expect(events.every((e) => e.url === SIGN_INS && e.durationMs >= 0)).toBe(true)
  })

  test('tells the inspector records returned, Retry-After and the wait before a retry, with the headers minus the token', async () => {
    let calls = 0
    const sent: string[] = []
    server.use(
      http.get(SIGN_INS, ({ request }) => {
        sent.push(request.headers.get('client-request-id') ?? '')
        return ++calls === 1
          ? graphError(429, 'UnknownError', 'Too many requests', { 'Retry-After': '2' })
          : HttpResponse.json({ value: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] })
      }),
    )
    const events: GraphRequestEvent[] = []
    const waits: number[] = []
    vi.useFakeTimers()
    try {
      const page = client({ onRequest: (e) => events.push(e) }).getPage('/beta/auditLogs/signIns', {
        onWait: (w) => waits.push(w.seconds),
      })
      await vi.advanceTimersByTimeAsync(2000)
      expect(waits).toEqual([2])
      await page
    } finally {
      vi.useRealTimers()
    }
    expect(
      events.map(({ status, recordCount, retryAfterSeconds, waitedBefore }) => ({
        status,
        recordCount,
        retryAfterSeconds,
        waitedBefore,
      })),
    ).toEqual([
      { status: 429, recordCount: null, retryAfterSeconds: 2, waitedBefore: null },
      {
        status: 200,
        recordCount: 3,
        retryAfterSeconds: null,
        waitedBefore: { reason: 'throttled', seconds: 2 },
      },
    ])
    expect(events.map((e) => e.clientRequestId)).toEqual(sent)
    for (const event of events) {
      expect(event.method).toBe('GET')
      expect(Object.keys(event.requestHeaders).map((name) => name.toLowerCase())).not.toContain(
        'authorization',
      )
      expect(event.requestHeaders['client-request-id']).toBe(event.clientRequestId)
      expect(JSON.stringify(event)).not.toContain(TOKEN)
    }
  })
})

describe('errors', () => {
  const cases: [number, string, string, string][] = [
    [401, 'InvalidAuthenticationToken', 'Access token is empty.', 'unauthorized'],
    [
      403,
      'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      "Neither tenant is B2C or tenant doesn't have premium license",
      'non-premium',
    ],
    [
      403,
      'Authentication_RequestFromUnsupportedUserRole',
      'User is not in the allowed roles',
      'missing-role',
    ],
    [
      403,
      'Authentication_MSGraphPermissionMissing',
      'Calling principal does not have required MSGraph permissions AuditLog.Read.All',
      'missing-permission',
    ],
    [404, 'ResourceNotFound', 'Resource not found', 'not-found'],
    [400, 'BadRequest', 'Invalid filter clause', 'bad-request'],
  ]
  test.each(cases)('%i %s -> %s', async (status, code, message, kind) => {
    server.use(http.get(SIGN_INS, () => graphError(status, code, message)))
    const error = await failure(client().getPage('/beta/auditLogs/signIns'))
    expect(error).toMatchObject({
      kind,
      status,
      code,
      graphMessage: message,
      requestId: 'req-header',
      clientRequestId: 'client-body',
      date: '2026-11-30T10:00:00',
    })
    expect(error.userMessage.endsWith('Request ID for support: req-header')).toBe(true)
    expect(error.message).toBe(error.userMessage)
  })

  test('missing-role names every role that can read sign-in logs', async () => {
    server.use(
      http.get(SIGN_INS, () =>
        graphError(403, 'Authentication_RequestFromUnsupportedUserRole', 'User is not in the allowed roles'),
      ),
    )
    const error = await failure(client().getPage('/beta/auditLogs/signIns'))
    for (const role of [
      'Reports Reader',
      'Security Reader',
      'Security Administrator',
      'Security Operator',
      'Global Reader',
      'Global Administrator',
    ]) {
      expect(error.userMessage).toContain(role)
    }
  })

  test('bad-request shows the $filter Graph refused and is not retried', async () => {
    let calls = 0
    server.use(
      http.get(SIGN_INS, () => {
        calls++
        return graphError(400, 'BadRequest', 'Invalid filter clause')
      }),
    )
    const filter = "crossTenantAccessType eq 'b2bCollaboration'"
    const error = await failure(client().getPage('/beta/auditLogs/signIns', { params: { $filter: filter } }))
    expect(error.kind).toBe('bad-request')
    expect(error.userMessage).toContain(filter)
    expect(calls).toBe(1)
  })

  test('the request-id comes from the body when the header is absent', async () => {
    server.use(
      http.get(SIGN_INS, () =>
        HttpResponse.json(
          { error: { code: 'BadRequest', message: 'x', innerError: { 'request-id': 'from-body' } } },
          { status: 400 },
        ),
      ),
    )
    expect((await failure(client().getPage('/beta/auditLogs/signIns'))).requestId).toBe('from-body')
  })

  test('a non-JSON error body still gives a GraphError by status', async () => {
    server.use(http.get(SIGN_INS, () => new HttpResponse('<html>Bad gateway</html>', { status: 500 })))
    const error = await failure(client().getPage('/beta/auditLogs/signIns'))
    expect(error).toMatchObject({ kind: 'server', status: 500, code: 'HTTP500', requestId: null })
    expect(error.userMessage).toContain('HTTP 500')
  })

  test('a 200 that is not JSON is an error, not a crash', async () => {
    server.use(http.get(SIGN_INS, () => new HttpResponse('not json', { status: 200 })))
    expect((await failure(client().getPage('/beta/auditLogs/signIns'))).code).toBe('InvalidResponse')
  })

  test('a failing token provider gives an unauthorized GraphError and no request', async () => {
    const error = await failure(
      client({ getAccessToken: () => Promise.reject(new Error('interaction_required')) }).getPage(
        '/beta/auditLogs/signIns',
      ),
    )
    expect(error).toMatchObject({ kind: 'unauthorized', code: 'TokenAcquisitionFailed' })
  })
})

describe('retry', () => {
  test('429 honours Retry-After in seconds, reports the wait, then succeeds', async () => {
    let calls = 0
    server.use(
      http.get(SIGN_INS, () =>
        ++calls === 1
          ? graphError(429, 'UnknownError', 'This request is throttled.', { 'Retry-After': '0' })
          : HttpResponse.json({ value: [{ id: 'x' }] }),
      ),
    )
    const waits: WaitInfo[] = []
    const page = await client().getPage('/beta/auditLogs/signIns', { onWait: (w) => waits.push(w) })
    expect(page.value).toEqual([{ id: 'x' }])
    expect(waits).toHaveLength(1)
    expect(waits[0]).toMatchObject({ reason: 'throttled', seconds: 0, attempt: 1 })
    expect(waits[0]?.error.kind).toBe('throttled')
  })

  test('429 honours Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 7_000).toUTCString()
    server.use(http.get(SIGN_INS, () => graphError(429, 'UnknownError', 'throttled', { 'Retry-After': at })))
    const controller = new AbortController()
    const waits: WaitInfo[] = []
    const pending = client().getPage('/beta/auditLogs/signIns', {
      signal: controller.signal,
      onWait: (w) => {
        waits.push(w)
        controller.abort()
      },
    })
    expect((await failure(pending)).kind).toBe('aborted')
    expect(waits[0]?.seconds).toBeGreaterThanOrEqual(5)
    expect(waits[0]?.seconds).toBeLessThanOrEqual(8)
  })

  test('a huge Retry-After (99999999999 s) is reported and waited as 120 s', async () => {
    vi.useFakeTimers()
    try {
      let calls = 0
      server.use(
        http.get(SIGN_INS, () =>
          ++calls === 1
            ? graphError(429, 'UnknownError', 'throttled', { 'Retry-After': '99999999999' })
            : HttpResponse.json({ value: [{ id: 'x' }] }),
        ),
      )
      const waits: WaitInfo[] = []
      const pending = client().getPage('/beta/auditLogs/signIns', { onWait: (w) => waits.push(w) })
      await vi.advanceTimersByTimeAsync(119_000)
      expect(waits.map((w) => w.seconds)).toEqual([120])
      expect(calls).toBe(1)
      await vi.advanceTimersByTimeAsync(1_000)
      expect((await pending).value).toEqual([{ id: 'x' }])
    } finally {
      vi.useRealTimers()
    }
  })

  test('without Retry-After, 429/502/503/504 and network errors back off exponentially up to maxAttempts', async () => {
    let calls = 0
    const answers = [
      () => graphError(429, 'UnknownError', 'throttled'),
      () => graphError(502, 'UnknownError', ''),
      () => graphError(503, 'UnknownError', ''),
      () => graphError(504, 'UnknownError', ''),
      () => HttpResponse.error(),
      () => HttpResponse.json({ value: [] }),
    ]
    server.use(http.get(SIGN_INS, () => answers[calls++]!()))
    const waits: WaitInfo[] = []
    const graph = client({ retry: { baseDelayMs: 2, maxDelayMs: 1000, maxAttempts: 6 } })
    await graph.getPage('/beta/auditLogs/signIns', { onWait: (w) => waits.push(w) })
    expect(calls).toBe(6)
    expect(waits.map((w) => w.reason)).toEqual(['throttled', 'server', 'server', 'server', 'network'])
    // Equal jitter: attempt n waits between half and all of base * 2^(n-1).
    waits.forEach((w, i) => {
      const ceiling = (2 * 2 ** i) / 1000
      expect(w.seconds).toBeGreaterThanOrEqual(ceiling / 2)
      expect(w.seconds).toBeLessThanOrEqual(ceiling)
    })
  })

  test('gives up after maxAttempts with the last error', async () => {
    let calls = 0
    server.use(
      http.get(SIGN_INS, () => {
        calls++
        return graphError(503, 'UnknownError', 'overloaded')
      }),
    )
    const error = await failure(
      client({ retry: { maxAttempts: 3, baseDelayMs: 1 } }).getPage('/beta/auditLogs/signIns'),
    )
    expect(error).toMatchObject({ kind: 'server', status: 503 })
    expect(calls).toBe(3)
  })

  test.each([400, 401, 403, 404, 500])('%i is never retried', async (status) => {
    let calls = 0
    server.use(
      http.get(SIGN_INS, () => {
        calls++
        return graphError(status, 'X', 'y')
      }),
    )
    await failure(client().getPage('/beta/auditLogs/signIns'))
    expect(calls).toBe(1)
  })

  test('iteratePages resumes the same page after a retry', async () => {
    const urls: string[] = []
    let failedOnce = false
    server.use(
      http.get(SIGN_INS, ({ request }) => {
        urls.push(request.url)
        const token = new URL(request.url).searchParams.get('$skiptoken')
        if (token === null)
          return HttpResponse.json({ value: [1], '@odata.nextLink': `${SIGN_INS}?$skiptoken=p2` })
        if (!failedOnce) {
          failedOnce = true
          return graphError(429, 'UnknownError', 'throttled')
        }
        return HttpResponse.json({ value: [2] })
      }),
    )
    const values: number[] = []
    for await (const page of client().iteratePages<number>('/beta/auditLogs/signIns'))
      values.push(...page.value)
    expect(values).toEqual([1, 2])
    expect(urls).toEqual([SIGN_INS, `${SIGN_INS}?$skiptoken=p2`, `${SIGN_INS}?$skiptoken=p2`])
  })
})

describe('abort', () => {
  test('an aborted signal rejects with kind aborted and sends nothing', async () => {
    let calls = 0
    server.use(
      http.get(SIGN_INS, () => {
        calls++
        return HttpResponse.json({ value: [] })
      }),
    )
    const controller = new AbortController()
    controller.abort()
    expect(
      (await failure(client().getPage('/beta/auditLogs/signIns', { signal: controller.signal }))).kind,
    ).toBe('aborted')
    expect(calls).toBe(0)
  })

  test('abort stops a waiting retry at once', async () => {
    let calls = 0
    server.use(
      http.get(SIGN_INS, () => {
        calls++
        return graphError(429, 'UnknownError', 'throttled', { 'Retry-After': '60' })
      }),
    )
    const controller = new AbortController()
    const started = performance.now()
    const pending = client().getPage('/beta/auditLogs/signIns', {
      signal: controller.signal,
      onWait: (w) => {
        expect(w.seconds).toBe(60)
        setTimeout(() => controller.abort(), 5)
      },
    })
    expect((await failure(pending)).kind).toBe('aborted')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(calls).toBe(1)
  })

  test('abort during fetch rejects with kind aborted', async () => {
    server.use(
      http.get(SIGN_INS, async () => {
        await new Promise((resolve) => setTimeout(resolve, 2000))
        return HttpResponse.json({ value: [] })
      }),
    )
    const controller = new AbortController()
    const pending = client().getPage('/beta/auditLogs/signIns', { signal: controller.signal })
    setTimeout(() => controller.abort(), 10)
    expect((await failure(pending)).kind).toBe('aborted')
  })
})

describe('the token never leaks', () => {
  test('not in error messages, fields, or console output, even when the server echoes it', async () => {
    server.use(
      http.get(SIGN_INS, ({ request }) =>
        graphError(
          401,
          'InvalidAuthenticationToken',
          `CompactToken parsing failed for ${request.headers.get('authorization')}`,
          {
            'request-id': `id-${TOKEN}`,
          },
        ),
      ),
    )
    const log = vi.spyOn(console, 'log')
    const warn = vi.spyOn(console, 'warn')
    const err = vi.spyOn(console, 'error')
    const error = await failure(client().getPage('/beta/auditLogs/signIns'))
    const everything =
      JSON.stringify({ ...error, message: error.message, stack: error.stack }) + String(error)
    expect(everything).not.toContain(TOKEN)
    expect(everything).not.toContain(TOKEN.split('.')[1])
    expect(error.graphMessage).toContain('[redacted]')
    const consoleText = [log, warn, err].flatMap((spy) => spy.mock.calls.flat().map(String)).join('\n')
    expect(consoleText).not.toContain(TOKEN)
    log.mockRestore()
    warn.mockRestore()
    err.mockRestore()
  })

  test('not in network errors', async () => {
    const error = await failure(
      client({
        fetch: () => Promise.reject(new TypeError(`Failed to fetch with ${TOKEN}`)),
        retry: { maxAttempts: 1 },
      }).getPage('/beta/auditLogs/signIns'),
    )
    expect(error.kind).toBe('network')
    expect(JSON.stringify({ ...error, m: error.message })).not.toContain(TOKEN)
  })
})

describe('the token goes to the configured origin only', () => {
  test.each([
    ['another host', 'https://evil.example/beta/auditLogs/signIns?$skiptoken=x', 'evil.example'],
    ['another port', 'https://graph.microsoft.com:8443/beta/auditLogs/signIns', 'graph.microsoft.com:8443'],
    ['plain http', 'http://graph.microsoft.com/beta/auditLogs/signIns', 'graph.microsoft.com'],
  ])('a nextLink to %s is refused, names the host and sends nothing', async (_, foreign, host) => {
    const requested: string[] = []
    const getAccessToken = vi.fn(async () => TOKEN)
    server.use(
      http.get(SIGN_INS, () => HttpResponse.json({ value: [{ id: 'a' }], '@odata.nextLink': foreign })),
    )
    const pages = client({
      getAccessToken,
      fetch: (input, init) => {
        requested.push(String(input))
        return globalThis.fetch(input, init)
      },
    }).iteratePages('/beta/auditLogs/signIns')
    const first = await pages.next()
    expect(first.value).toMatchObject({ nextLink: foreign })
    const error = await failure(pages.next())
    expect(error.kind).toBe('refused')
    expect(error.retryable).toBe(false)
    expect(error.userMessage).toContain(host)
    expect(requested).toEqual([SIGN_INS])
    // The token is not even fetched for the refused link.
    expect(getAccessToken).toHaveBeenCalledTimes(1)
  })

  test('getPage with an absolute URL on another origin is refused too', async () => {
    const fetchSpy = vi.fn<typeof fetch>()
    const error = await failure(
      client({ fetch: fetchSpy }).getPage('https://graph.microsoft.com.evil.example/beta/auditLogs/signIns'),
    )
    expect(error.userMessage).toContain('graph.microsoft.com.evil.example')
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  test('a nextLink on the base origin is followed', async () => {
    server.use(
      http.get(SIGN_INS, ({ request }) =>
        new URL(request.url).searchParams.has('$skiptoken')
          ? HttpResponse.json({ value: [{ id: 'b' }] })
          : HttpResponse.json({ value: [{ id: 'a' }], '@odata.nextLink': `${SIGN_INS}?$skiptoken=2` }),
      ),
    )
    const ids: string[] = []
    for await (const page of client().iteratePages<{ id: string }>('/beta/auditLogs/signIns')) {
      ids.push(...page.value.map((row) => row.id))
    }
    expect(ids).toEqual(['a', 'b'])
  })
})
