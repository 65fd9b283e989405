/**
 * Where a Graph base URL may point. A bearer token must not cross the network in clear text, so https only;
 * plain http is allowed for this machine alone (the standalone fake on 127.0.0.1), where nothing is on the wire.
 * One rule for the Settings value, the build-time VITE_GRAPH_BASE_URL and the build's CSP.
 */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase())
}

/** Why `url` may not carry a token, or null when it may. */
export function graphBaseUrlTransportProblem(url: URL): string | null {
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname)
      ? null
      : 'Use https. Plain http is allowed only for 127.0.0.1, ::1 or localhost (the standalone fake).'
  }
  return 'Use an https URL.'
}
