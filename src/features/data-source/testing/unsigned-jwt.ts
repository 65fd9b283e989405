/** An unsigned JWT-shaped token for tests: the fake reads its claims (exp, appid, tid) but checks no signature. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`
}

export function graphTokenClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000)
  return {
    aud: 'https://graph.microsoft.com',
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    appid: '7d5a3b2c-0000-4000-8000-000000000001',
    tid: '3f6c9a1e-0000-4000-8000-00000000000a',
    upn: 'auditor@contoso.example',
    scp: 'AuditLog.Read.All Directory.Read.All',
    ...overrides,
  }
}
