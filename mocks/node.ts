/**
 * The fake Graph for vitest (msw/node). Tests call `server.listen({ onUnhandledRequest: 'error' })` so nothing
 * leaks to a real network, and drive faults with `scenarios.set(...)`.
 */
import { setupServer, type SetupServer } from 'msw/node'
import type { Tenant, TenantSize } from './tenant/index.ts'
import { createTenant } from './tenant/index.ts'
import { createGraphHandlers, type MockGraphOptions } from './handlers.ts'
import { createScenarioState, type ScenarioName, type ScenarioState } from './scenarios.ts'

export interface MockGraphServerOptions extends Omit<MockGraphOptions, 'tenant' | 'scenarios'> {
  seed?: number
  /** The tenant's "now" (newest possible sign-in); default: the real current time. */
  now?: Date
  /** Default 'small' (a few thousand sign-ins) so tests stay fast. */
  size?: TenantSize
  /** MOCK_SCALE: multiplies the tenant's volume (default 1). */
  scale?: number
  scenario?: ScenarioName
}

export interface MockGraphServer {
  server: SetupServer
  scenarios: ScenarioState
  tenant: Tenant
}

export function createMockGraphServer(opts: MockGraphServerOptions = {}): MockGraphServer {
  const { seed = 42, now = new Date(), size = 'small', scale, scenario = 'none', ...service } = opts
  const tenant = createTenant({ seed, now, size, ...(scale !== undefined && { scale }) })
  const scenarios = createScenarioState(scenario)
  const server = setupServer(...createGraphHandlers({ ...service, tenant, scenarios }))
  return { server, scenarios, tenant }
}
