/**
 * One request as something to paste elsewhere: curl, PowerShell (Microsoft Graph SDK), or a Graph Explorer link.
 * None of them carries a token: curl reads it from the shell (`$TOKEN`), Invoke-MgGraphRequest uses the
 * Connect-MgGraph session, and Graph Explorer signs in on its own.
 */
export interface CopyableRequest {
  method: string
  url: string
  requestHeaders: Record<string, string>
}

/** Per-attempt ids would only mislabel the copy's own request in Graph's logs; auth is the shell's business. */
const NOT_COPIED = new Set(['authorization', 'client-request-id'])

function copiedHeaders(request: CopyableRequest): [string, string][] {
  return Object.entries(request.requestHeaders).filter(([name]) => !NOT_COPIED.has(name.toLowerCase()))
}

/** POSIX shell single quotes: everything literal ($filter, $TOKEN, backslashes); a quote closes, escapes, reopens. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/**
 * PowerShell single-quoted string: literal, with `'` doubled. PowerShell also reads the typographic quotes
 * U+2018–U+201B as single quotes, so they are doubled too or they would end the string.
 */
export function powerShellQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`
}

/** `-g`: curl would otherwise read [] and {} in the URL as its own globbing ranges. */
export function asCurl(request: CopyableRequest): string {
  const lines = [
    `curl -g -X ${request.method} ${shellQuote(request.url)}`,
    // Double quotes so the shell expands $TOKEN; the rest of that header is fixed text.
    `-H "Authorization: Bearer $TOKEN"`,
    ...copiedHeaders(request).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
  ]
  return lines.join(' \\\n  ')
}

export function asPowerShell(request: CopyableRequest): string {
  const headers = copiedHeaders(request)
  const command = `Invoke-MgGraphRequest -Method ${request.method} -Uri ${powerShellQuote(request.url)}`
  if (headers.length === 0) return command
  const table = headers.map(([name, value]) => `${powerShellQuote(name)} = ${powerShellQuote(value)}`)
  return `${command} -Headers @{ ${table.join('; ')} }`
}

const GRAPH_EXPLORER = 'https://developer.microsoft.com/graph/graph-explorer'
const GRAPH_ORIGIN = 'https://graph.microsoft.com'

/**
 * Graph Explorer's share-link parameters (microsoft-graph-explorer-v4, App.tsx getQueryStringParams): `request` is
 * the path after the version plus the query, `method`, `version`, `GraphUrl` for another cloud's origin and
 * `headers`. It
 * reads them with URLSearchParams, so `request` is encoded once more: its own `&` and `%27` survive as sent.
 * Null when the URL has no Graph version segment (nothing Graph Explorer could open).
 */
export function graphExplorerLink(request: CopyableRequest): string | null {
  // Taken from the string as sent: URL parsing would re-encode the query (' becomes %27).
  const match = /^(https?:\/\/[^/?#]+)\/(v1\.0|beta)\/([^?#]*)(\?[^#]*)?/i.exec(request.url)
  if (!match) return null
  const [, origin, version, path, search = ''] = match
  const query = new URLSearchParams({
    request: `${path}${search}`,
    method: request.method,
    version: version!,
  })
  if (origin!.toLowerCase() !== GRAPH_ORIGIN) query.set('GraphUrl', origin!)
  // Graph Explorer sets Accept itself; the rest (Prefer) changes the answer, so it goes along, as base64 JSON
  // (its `headers` parameter, read with atob: Latin-1 only, so anything else is left out).
  const headers = copiedHeaders(request)
    .filter(([name, value]) => name.toLowerCase() !== 'accept' && /^[\x20-\x7e]*$/.test(name + value))
    .map(([name, value]) => ({ name, value }))
  if (headers.length > 0) query.set('headers', btoa(JSON.stringify(headers)))
  // URLSearchParams writes spaces as '+', which GE's URLSearchParams reads back as spaces; %20 reads the same.
  return `${GRAPH_EXPLORER}?${query.toString()}`
}
