import { execFileSync } from 'node:child_process'
import { asCurl, asPowerShell, graphExplorerLink, type CopyableRequest } from './copy-as.ts'

// What the client sends: encodeURIComponent leaves ' ( ) ! * as they are, so quotes reach the URL verbatim.
const HOSTILE_URL =
  "https://graph.microsoft.com/beta/auditLogs/signIns?$top=50&$filter=userDisplayName%20eq%20'O''Brien%20%24(rm%20-rf)%20%60x%60'%20and%20appDisplayName%20eq%20'%E6%97%A5%E6%9C%AC%F0%9F%94%91'%20and%20x%20eq%20'[a]{b}'"

function request(url = HOSTILE_URL, extra: Record<string, string> = {}): CopyableRequest {
  return {
    method: 'GET',
    url,
    requestHeaders: {
      'client-request-id': '0d3c1a52-0000-4000-8000-000000000001',
      Accept: 'application/json',
      Prefer: 'include-unknown-enum-members',
      ...extra,
    },
  }
}

/** Runs the copied command in a real POSIX shell with `curl` replaced by a function that prints its arguments. */
function argumentsSeenByCurl(command: string, token = 'shell-token'): string[] {
  const printArgs = 'curl() { for arg in "$@"; do printf "%s\\0" "$arg"; done; }'
  const output = execFileSync('sh', ['-c', `${printArgs}\n${command}`], {
    env: { PATH: process.env.PATH, TOKEN: token },
    encoding: 'utf8',
  })
  return output.split('\0').slice(0, -1)
}

describe('copy as curl', () => {
  test('the shell hands curl the URL byte for byte, $filter, quotes, $( ) and backticks untouched', () => {
    expect(argumentsSeenByCurl(asCurl(request()))).toEqual([
      '-g',
      '-X',
      'GET',
      HOSTILE_URL,
      '-H',
      'Authorization: Bearer shell-token',
      '-H',
      'Accept: application/json',
      '-H',
      'Prefer: include-unknown-enum-members',
    ])
  })

  test('the token comes from $TOKEN; the per-attempt client-request-id is not reused', () => {
    const curl = asCurl(request())
    expect(curl).toContain('-H "Authorization: Bearer $TOKEN"')
    expect(curl).not.toContain('client-request-id')
  })

  test('an Authorization header handed in by mistake is never copied', () => {
    const curl = asCurl(request(HOSTILE_URL, { authorization: 'Bearer leaked.token.value' }))
    expect(curl).not.toContain('leaked.token.value')
    expect(argumentsSeenByCurl(curl).filter((arg) => arg.startsWith('Authorization'))).toEqual([
      'Authorization: Bearer shell-token',
    ])
  })

  test('a raw quote and unicode in a header value survive the shell', () => {
    const args = argumentsSeenByCurl(asCurl(request(HOSTILE_URL, { 'x-note': "it's Zoë's \\ $HOME" })))
    expect(args).toContain("x-note: it's Zoë's \\ $HOME")
  })
})

describe('copy as PowerShell', () => {
  test('Invoke-MgGraphRequest with the URL single-quoted, quotes doubled, no Authorization header', () => {
    const url = "https://graph.microsoft.com/beta/auditLogs/signIns?$filter=userDisplayName%20eq%20'O''Brien'"
    expect(asPowerShell(request(url))).toBe(
      "Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/beta/auditLogs/signIns?$filter=userDisplayName%20eq%20''O''''Brien''' -Headers @{ 'Accept' = 'application/json'; 'Prefer' = 'include-unknown-enum-members' }",
    )
  })

  test('typographic single quotes, which PowerShell also ends strings on, are doubled; $ and ` stay literal', () => {
    const url = 'https://graph.microsoft.com/beta/x?$filter=a%20eq%20\u2018q\u2019\u201a\u201b$(x)`y'
    const command = asPowerShell({ method: 'GET', url, requestHeaders: {} })
    expect(command).toBe(
      "Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/beta/x?$filter=a%20eq%20\u2018\u2018q\u2019\u2019\u201a\u201a\u201b\u201b$(x)`y'",
    )
    expect(command).not.toMatch(/Authorization|Bearer/)
  })
})

describe('Graph Explorer link', () => {
  test('request (path after the version, and the query), method and version, read back as Graph Explorer does', () => {
    const link = graphExplorerLink(request())!
    const parsed = new URL(link)
    expect(`${parsed.origin}${parsed.pathname}`).toBe('https://developer.microsoft.com/graph/graph-explorer')
    // Graph Explorer reads its parameters with URLSearchParams and rebuilds `${GraphUrl}/${version}/${request}`.
    const read = parsed.searchParams
    expect(`https://graph.microsoft.com/${read.get('version')}/${read.get('request')}`).toBe(HOSTILE_URL)
    expect(read.get('method')).toBe('GET')
    expect(read.get('GraphUrl')).toBeNull()
    expect(JSON.parse(atob(read.get('headers')!))).toEqual([
      { name: 'Prefer', value: 'include-unknown-enum-members' },
    ])
    expect(link).not.toMatch(/Authorization|Bearer/)
  })

  test('v1.0, another origin goes in GraphUrl, and a URL without a version has no link', () => {
    const read = new URL(
      graphExplorerLink({
        method: 'GET',
        url: 'https://graph.microsoft.us/v1.0/auditLogs/signIns',
        requestHeaders: {},
      })!,
    ).searchParams
    expect([read.get('version'), read.get('request'), read.get('GraphUrl')]).toEqual([
      'v1.0',
      'auditLogs/signIns',
      'https://graph.microsoft.us',
    ])
    expect(read.get('headers')).toBeNull()
    expect(
      graphExplorerLink({ method: 'GET', url: 'https://graph.microsoft.com/me', requestHeaders: {} }),
    ).toBeNull()
  })
})
