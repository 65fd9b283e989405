import {
  GraphError,
  graphErrorFromResponse,
  MAX_RETRY_AFTER_SECONDS,
  parseErrorEnvelope,
  parseRetryAfter,
} from './errors.ts'
import { retryDelayMs } from './retry.ts'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-30T10:00:00Z')
  test.each([
    ['12', 12],
    [' 0 ', 0],
    ['Mon, 30 Nov 2026 10:00:30 GMT', 30],
    ['Mon, 30 Nov 2026 09:59:00 GMT', 0],
    ['soon', null],
    ['-3', null],
  ])('%s -> %s', (value, seconds) => expect(parseRetryAfter(value, now)).toBe(seconds))
  test('absent -> null', () => expect(parseRetryAfter(null, now)).toBeNull())
  test.each([
    ['99999999999', 'seconds past setTimeout range'],
    ['121', 'just over the limit'],
    ['Fri, 30 Nov 2096 10:00:00 GMT', 'a date decades ahead'],
  ])('%s (%s) is clamped to MAX_RETRY_AFTER_SECONDS', (value) => {
    expect(MAX_RETRY_AFTER_SECONDS).toBe(120)
    expect(parseRetryAfter(value, now)).toBe(120)
  })
})

describe('parseErrorEnvelope', () => {
  test('reads Graph and OData spellings of the inner error', () => {
    expect(
      parseErrorEnvelope('{"error":{"code":"A","message":"m","innererror":{"request-id":"r"}}}'),
    ).toEqual({
      code: 'A',
      message: 'm',
      requestId: 'r',
      clientRequestId: null,
      date: null,
    })
  })
  test.each(['', 'null', '[]', '{"error":"text"}', '<html/>'])('%j is no envelope', (text) =>
    expect(parseErrorEnvelope(text)).toBeNull(),
  )
})

describe('graphErrorFromResponse', () => {
  const headers = (init: Record<string, string> = {}) => new Headers(init)
  test('an unknown 403 is a permission problem that says what to grant', () => {
    const error = graphErrorFromResponse({
      status: 403,
      bodyText:
        '{"error":{"code":"Authentication_ApplicationHasNoDirectoryReadAccess","message":"Failed to do premium license check from ADGraph"}}',
      headers: headers(),
      filter: null,
    })
    expect(error.kind).toBe('missing-permission')
    expect(error.userMessage).toContain('Directory.Read.All')
  })
  test('AuditLog.Read.All missing is recognised by its message', () => {
    const error = graphErrorFromResponse({
      status: 403,
      bodyText:
        '{"error":{"code":"UnknownError","message":"Calling principal does not have required MSGraph permissions AuditLog.Read.All"}}',
      headers: headers(),
      filter: null,
    })
    expect(error.kind).toBe('missing-permission')
    expect(error.userMessage).toContain('grant consent for AuditLog.Read.All')
  })
  test('429 carries retryAfterSeconds; other 4xx are bad requests', () => {
    const throttled = graphErrorFromResponse({
      status: 429,
      bodyText: '',
      headers: headers({ 'retry-after': '9' }),
      filter: null,
    })
    expect(throttled).toMatchObject({ kind: 'throttled', retryAfterSeconds: 9, retryable: true })
    expect(graphErrorFromResponse({ status: 409, bodyText: '', headers: headers(), filter: null }).kind).toBe(
      'bad-request',
    )
  })
  test('no request-id: the message does not pretend to have one', () => {
    const error = graphErrorFromResponse({ status: 503, bodyText: '', headers: headers(), filter: null })
    expect(error.userMessage).not.toContain('Request ID')
    expect(error.retryable).toBe(true)
  })
})

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 8000 }
  const error = (retryAfterSeconds: number | null) =>
    new GraphError({
      kind: 'throttled',
      status: 429,
      code: 'x',
      graphMessage: '',
      userMessage: '',
      retryAfterSeconds,
    })
  test('Retry-After wins over backoff', () => expect(retryDelayMs(error(42), 1, policy)).toBe(42_000))
  test('backoff doubles with equal jitter and is capped', () => {
    expect(retryDelayMs(error(null), 1, policy, () => 0)).toBe(500)
    expect(retryDelayMs(error(null), 1, policy, () => 1)).toBe(1000)
    expect(retryDelayMs(error(null), 3, policy, () => 0.5)).toBe(3000)
    expect(retryDelayMs(error(null), 10, policy, () => 1)).toBe(8000)
  })
})
