/**
 * The MSW handler set as a plain HTTP server (toolchain.md §4): node:http in front of msw's `getResponse`.
 * Loaded by mocks/serve.mjs through Vite's runnerImport (Node 20 cannot import .ts), or imported directly by
 * tests. Requests keep their own origin, so nextLinks point back at this server (spec §6.3).
 */
import { readFileSync } from 'node:fs'
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { createGraphHandlers, type MockGraphOptions } from './handlers.ts'
import { errorResponse, createRequestContext, GraphError } from './graph/envelope.ts'
import { createScenarioState, parseScenarioName, type ScenarioState } from './scenarios.ts'
import { createTenant, tenantConfigFromEnv, type Tenant } from './tenant/index.ts'

export interface StandaloneServerOptions extends Omit<MockGraphOptions, 'tenant' | 'scenarios'> {
  /** MOCK_PORT, MOCK_SEED, MOCK_NOW, MOCK_SIZE, MOCK_SCALE, MOCK_SCENARIO, MOCK_TLS_KEY, MOCK_TLS_CERT. */
  env?: Record<string, string | undefined>
  /** Overrides MOCK_PORT; 0 = any free port. */
  port?: number
  host?: string
}

export interface StandaloneServer {
  /** e.g. http://127.0.0.1:4010 */
  readonly url: string
  readonly tenant: Tenant
  readonly scenarios: ScenarioState
  close(): Promise<void>
}

const DEFAULT_PORT = 4010

export async function startStandaloneServer(
  options: StandaloneServerOptions = {},
): Promise<StandaloneServer> {
  const { env = {}, port, host = '127.0.0.1', ...service } = options
  const tenant = createTenant(tenantConfigFromEnv(env, { seed: 42, now: new Date(), size: 'default' }))
  const scenarios = createScenarioState(parseScenarioName(env['MOCK_SCENARIO']))
  // This server owns its whole origin, so every path gets a Graph answer (e.g. "Invalid version").
  const handlers = createGraphHandlers({ ...service, tenant, scenarios, matchAllPaths: true })
  const tls = readTls(env)
  const scheme = tls ? 'https' : 'http'

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    void answer(req, res).catch((error: unknown) => {
      console.error('[mock graph] failed to answer', error)
      if (!res.headersSent)
        writeGraphFailure(res, new GraphError(500, 'InternalServerError', 'Mock server failure.'))
      else res.destroy()
    })
  }
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    req.resume() // bodies are never needed (GET-only surface); drain so keep-alive works
    const authority = req.headers.host
    if (!isLoopbackHost(authority)) return writeGraphFailure(res, misdirected(authority))
    const request = toFetchRequest(req, `${scheme}://${authority}`)
    const response = request ? await getResponse(handlers, request) : undefined
    if (!response)
      return writeGraphFailure(res, new GraphError(400, 'BadRequest', 'Malformed request target.'))
    // The `flaky` scenario's dropped connection (Response.error() in MSW terms).
    if (response.type === 'error') return void req.socket.destroy()
    res.writeHead(response.status, headerRecord(response.headers))
    if (response.body) for await (const chunk of response.body) res.write(chunk)
    res.end()
  }

  const server: Server = tls ? createHttpsServer(tls, onRequest) : createHttpServer(onRequest)
  const listenPort = port ?? Number.parseInt(env['MOCK_PORT'] ?? `${DEFAULT_PORT}`, 10)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(Number.isFinite(listenPort) ? listenPort : DEFAULT_PORT, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  return {
    url: `${scheme}://${host}:${address.port}`,
    tenant,
    scenarios,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

function readTls(env: Record<string, string | undefined>): { key: Buffer; cert: Buffer } | undefined {
  const key = env['MOCK_TLS_KEY']
  const cert = env['MOCK_TLS_CERT']
  // Spec §6.2: the v3 JS client only follows https nextLinks, hence the optional TLS mode.
  return key && cert ? { key: readFileSync(key), cert: readFileSync(cert) } : undefined
}

/**
 * DNS rebinding: a web page on evil.example whose name later resolves to 127.0.0.1 reaches this server from the
 * victim's browser as a same-origin request. Its Host header still names evil.example, so only loopback names
 * are served (any port); the Host then also becomes the origin of nextLinks, so `localhost` callers get
 * `localhost` links.
 */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i

export function isLoopbackHost(host: string | undefined): host is string {
  return host !== undefined && LOOPBACK_HOST.test(host)
}

/** RFC 9110 §15.5.20: 421 for a request this server is not configured to answer for that authority. */
function misdirected(host: string | undefined): GraphError {
  const shown = host === undefined ? 'no Host header' : `Host '${host.slice(0, 100)}'`
  return new GraphError(
    421,
    'Request_MisdirectedRequest',
    `The mock Graph only answers requests for 127.0.0.1, localhost or [::1]; got ${shown}.`,
  )
}

const SKIPPED_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'])

function toFetchRequest(req: IncomingMessage, origin: string): Request | undefined {
  const target = req.url ?? '/'
  try {
    // Origin-form targets are appended verbatim (`//evil/x` stays a path on this server); absolute-form
    // targets (proxies) keep only their path and query.
    const absolute = target.startsWith('/') ? undefined : new URL(target)
    const url = new URL(absolute ? `${origin}${absolute.pathname}${absolute.search}` : `${origin}${target}`)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (SKIPPED_HEADERS.has(name) || value === undefined) continue
      headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    return new Request(url, { method: req.method ?? 'GET', headers })
  } catch (error) {
    // Unparseable target, header value or method (e.g. CONNECT): the caller answers 400.
    if (error instanceof TypeError) return undefined
    throw error
  }
}

function headerRecord(headers: Headers): Record<string, string> {
  return Object.fromEntries(headers)
}

function writeGraphFailure(res: ServerResponse, error: GraphError): void {
  const response = errorResponse(createRequestContext(new Request('http://127.0.0.1/'), Date.now()), error)
  res.writeHead(response.status, headerRecord(response.headers))
  void response.text().then((body) => res.end(body))
}
