import { EnvError, parseEnv } from './env.ts'

function problemsOf(raw: Record<string, unknown>): string[] {
  try {
    parseEnv(raw)
  } catch (error) {
    if (error instanceof EnvError) return error.problems
    throw error
  }
  return []
}

test('defaults: mock data, the real Graph origin', () => {
  expect(parseEnv({})).toEqual({
    dataSource: 'mock',
    graphBaseUrl: 'https://graph.microsoft.com',
    msalClientId: undefined,
    msalTenantId: undefined,
    mockSize: undefined,
    mockSeed: undefined,
    mockNow: undefined,
  })
})

test('blank values count as unset', () => {
  expect(parseEnv({ VITE_DATA_SOURCE: '', VITE_MOCK_SEED: ' ' }).dataSource).toBe('mock')
})

test('reads and converts every variable', () => {
  expect(
    parseEnv({
      VITE_DATA_SOURCE: 'graph',
      VITE_GRAPH_BASE_URL: 'http://127.0.0.1:4010/',
      VITE_MSAL_CLIENT_ID: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      VITE_MSAL_TENANT_ID: 'contoso.onmicrosoft.com',
      VITE_MOCK_SIZE: 'small',
      VITE_MOCK_SEED: '42',
      VITE_MOCK_NOW: '2026-11-30T12:00:00Z',
    }),
  ).toEqual({
    dataSource: 'graph',
    graphBaseUrl: 'http://127.0.0.1:4010',
    msalClientId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    msalTenantId: 'contoso.onmicrosoft.com',
    mockSize: 'small',
    mockSeed: 42,
    mockNow: new Date('2026-11-30T12:00:00Z'),
  })
})

test('every invalid value is named with what it must be', () => {
  const problems = problemsOf({
    VITE_DATA_SOURCE: 'prod',
    VITE_GRAPH_BASE_URL: 'graph.microsoft.com',
    VITE_MOCK_SIZE: 'huge',
    VITE_MOCK_SEED: '1.5',
    VITE_MOCK_NOW: 'yesterday',
  })
  expect(problems).toHaveLength(5)
  expect(problems).toContain(`VITE_DATA_SOURCE must be 'mock' or 'graph' (got "prod")`)
  expect(problems.find((p) => p.startsWith('VITE_GRAPH_BASE_URL'))).toContain('http(s) URL')
  expect(problems.find((p) => p.startsWith('VITE_MOCK_SIZE'))).toContain("'default' or 'small'")
  expect(problems.find((p) => p.startsWith('VITE_MOCK_SEED'))).toContain('integer')
  expect(problems.find((p) => p.startsWith('VITE_MOCK_NOW'))).toContain('ISO 8601')
})

test('graph mode works without MSAL ids (pasted token), but refuses a personal-account authority', () => {
  expect(parseEnv({ VITE_DATA_SOURCE: 'graph' }).dataSource).toBe('graph')
  expect(problemsOf({ VITE_DATA_SOURCE: 'graph', VITE_MSAL_TENANT_ID: 'common' })).toEqual([
    expect.stringMatching(/^VITE_MSAL_TENANT_ID must be a tenant GUID.*\(got "common"\)$/),
  ])
  expect(() => parseEnv({ VITE_MSAL_CLIENT_ID: 'app' })).toThrow(
    /Invalid environment configuration \(\.env\):\n  - VITE_MSAL_CLIENT_ID/,
  )
})

test('the build-time Graph base URL is https, plain http only on loopback (it carries the token)', () => {
  const base = (value: string) => parseEnv({ VITE_GRAPH_BASE_URL: value }).graphBaseUrl
  expect(base('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010')
  expect(base('http://localhost:4010/')).toBe('http://localhost:4010')
  expect(base('http://[::1]:4010')).toBe('http://[::1]:4010')
  expect(base('https://graph.microsoft.com')).toBe('https://graph.microsoft.com')
  for (const value of [
    'http://graph.microsoft.com',
    'http://10.0.0.5:4010',
    'http://127.0.0.1.evil.example',
  ]) {
    expect(problemsOf({ VITE_GRAPH_BASE_URL: value })).toEqual([
      expect.stringMatching(
        /^VITE_GRAPH_BASE_URL must be https \(plain http only for 127\.0\.0\.1, ::1 or localhost\)/,
      ),
    ])
  }
})
