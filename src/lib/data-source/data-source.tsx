/**
 * The one data interface the UI talks to (style.md: react-admin's dataProvider): swapping the mock tenant
 * for a real Graph tenant is a provider change. `id` goes into every query key so two sources never share cache.
 */
import { createContext, useContext, type ReactNode } from 'react'
import type { FileReadSummary } from '../file-source/read-file.ts'
import type { FileFormat } from '../file-source/record-shape.ts'
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../graph/client.ts'
import {
  createRequestScheduler,
  createScheduledFetch,
  type RequestScheduler,
} from '../scheduler/request-scheduler.ts'

/** What the opened files hold (kind 'files'): the page shows their time span and counts back from the newest. */
export interface OpenedFiles {
  summaries: FileReadSummary[]
  span: { oldest: string; newest: string } | null
  /** Where a sign-in was read: its file, line and that file's format (null when it is not in the files). */
  sourceOf(signInId: string): Promise<SignInSource | null>
}

export interface SignInSource {
  file: string
  line: number
  format: FileFormat | null
}

export interface DataSource {
  /** e.g. 'mock' | 'graph:<tenant>' | 'files:<n>' */
  id: string
  /**
   * Grows when this source (same id) holds more records: files still loading are shown as they are stored, then
   * complete. The page refreshes in place, so its scroll position and open details survive.
   */
  revision?: number
  /** 'files': exported logs opened in the browser, answered by the file engine (src/lib/file-source). */
  kind: 'mock' | 'graph' | 'files'
  /** Only for kind 'files'. */
  files?: OpenedFiles
  label: string
  /** What the user is looking at: its requests go first. */
  client: GraphClient
  /**
   * The same tenant at background priority (the export): it shares the budget with `client` and yields to
   * it. Sources without a scheduler use `client`.
   */
  backgroundClient?: GraphClient
  /** The one scheduler of this app and tenant (graph-api.md §4.3), for progress displays. */
  scheduler?: RequestScheduler
}

const DataSourceContext = createContext<DataSource | null>(null)

export function DataSourceProvider(props: { value: DataSource; children: ReactNode }) {
  return <DataSourceContext.Provider value={props.value}>{props.children}</DataSourceContext.Provider>
}

export function useDataSource(): DataSource {
  const source = useContext(DataSourceContext)
  if (!source) throw new Error('useDataSource must be used inside <DataSourceProvider>')
  return source
}

/** The token the fake accepts: any non-empty bearer (interfaces.md, mock auth). */
export const MOCK_ACCESS_TOKEN = 'mock-tenant-token'

export interface MockDataSourceOptions extends Partial<
  Omit<GraphClientOptions, 'baseUrl' | 'getAccessToken'>
> {
  baseUrl?: string
  scheduler?: RequestScheduler
}

/**
 * The fake tenant at the real Graph origin: in the browser its `fetch` is the engine worker's transport
 * (mocks/browser.ts), in Node tests msw's server answers; or the standalone server at `baseUrl`.
 */
export function createMockDataSource(options: MockDataSourceOptions = {}): DataSource {
  const { baseUrl = 'https://graph.microsoft.com', fetch: fetchOption, ...rest } = options
  // Looked up per call, like the client's default: tests replace globalThis.fetch after creating the source.
  const send: typeof fetch = (input, init) => (fetchOption ?? globalThis.fetch)(input, init)
  // The fake only throttles in its `throttle` scenario: keep to the budget from its first 429 on, as with real
  // Graph, while the other scenarios stay as fast as the fake answers.
  const scheduler = options.scheduler ?? createRequestScheduler({ budget: 'after-throttle' })
  const clientAt = (priority: 'foreground' | 'background') =>
    createGraphClient({
      ...rest,
      baseUrl,
      fetch: createScheduledFetch(scheduler, send, priority),
      getAccessToken: async () => MOCK_ACCESS_TOKEN,
    })
  return {
    id: 'mock',
    kind: 'mock',
    label: 'Mock tenant',
    client: clientAt('foreground'),
    backgroundClient: clientAt('background'),
    scheduler,
  }
}

/** A real tenant; `getAccessToken` comes from the MSAL session or a pasted token. */
export function createGraphDataSource(
  options: { tenantId: string; label?: string } & GraphClientOptions,
): DataSource {
  const { tenantId, label, ...clientOptions } = options
  return {
    id: `graph:${tenantId.toLowerCase()}`,
    kind: 'graph',
    label: label ?? `Tenant ${tenantId}`,
    client: createGraphClient(clientOptions),
  }
}
