import { describeAccessToken, tokenValidity, tokenWarnings } from './access-token-claims.ts'

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

function jwt(payload: Record<string, unknown>): string {
  return `${base64Url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${base64Url(JSON.stringify(payload))}.c2ln`
}

const exp = Date.UTC(2026, 10, 22, 12, 0, 0) / 1000

test('reads exp, aud, upn, tid and scp from a delegated Graph token', () => {
  const d = describeAccessToken(
    jwt({
      aud: 'https://graph.microsoft.com',
      exp,
      nbf: exp - 3600,
      upn: 'adele.vance@contoso.example',
      appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      tid: '72f988bf-0000-0000-0000-000000000000',
      scp: 'AuditLog.Read.All Directory.Read.All',
    }),
  )
  expect(d).toEqual({
    kind: 'jwt',
    expiresAt: new Date(exp * 1000),
    notBefore: new Date((exp - 3600) * 1000),
    audience: 'https://graph.microsoft.com',
    principal: 'adele.vance@contoso.example',
    principalKind: 'user',
    appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    tenantId: '72f988bf-0000-0000-0000-000000000000',
    scopes: ['AuditLog.Read.All', 'Directory.Read.All'],
    roles: [],
  })
  expect(tokenWarnings(d)).toEqual([])
})

test('an app-only token names the app and reads roles; non-ASCII claims decode as UTF-8', () => {
  const d = describeAccessToken(
    jwt({
      aud: '00000003-0000-0000-c000-000000000000',
      appid: 'app-1',
      roles: ['AuditLog.Read.All'],
      name: 'Zoë',
    }),
  )
  expect(d).toMatchObject({
    kind: 'jwt',
    principal: 'app-1',
    principalKind: 'app',
    roles: ['AuditLog.Read.All'],
    expiresAt: null,
  })
  expect(tokenValidity(d, new Date())).toEqual({ state: 'unknown' })
})

test('opaque tokens are accepted with expiry unknown', () => {
  for (const token of [
    'EwBwA8l6BAAU…opaque',
    'a.b',
    'a.!!!.c',
    `x.${base64Url('not json')}.y`,
    `x.${base64Url('[1]')}.y`,
  ]) {
    const d = describeAccessToken(token)
    expect(d).toEqual({ kind: 'opaque' })
    expect(tokenValidity(d, new Date())).toEqual({ state: 'unknown' })
    expect(tokenWarnings(d)).toEqual([])
  }
})

test('validity: valid with seconds left, expired, not yet valid', () => {
  const d = describeAccessToken(jwt({ exp, nbf: exp - 3600 }))
  expect(tokenValidity(d, new Date((exp - 90) * 1000))).toEqual({
    state: 'valid',
    expiresAt: new Date(exp * 1000),
    secondsLeft: 90,
  })
  expect(tokenValidity(d, new Date(exp * 1000))).toEqual({
    state: 'expired',
    expiresAt: new Date(exp * 1000),
  })
  expect(tokenValidity(d, new Date((exp - 7200) * 1000))).toEqual({
    state: 'not-yet-valid',
    notBefore: new Date((exp - 3600) * 1000),
  })
})

test('warns about a wrong audience and a missing AuditLog.Read.All permission', () => {
  const warnings = tokenWarnings(
    describeAccessToken(jwt({ aud: 'https://management.azure.com', scp: 'User.Read' })),
  )
  expect(warnings).toHaveLength(2)
  expect(warnings[0]).toContain('not Microsoft Graph')
  expect(warnings[1]).toContain('AuditLog.Read.All')
})
