import { appEnv } from '../../config/env.ts'
import type { GraphSettings } from './graph-settings.ts'

/** VITE_MSAL_CLIENT_ID, VITE_MSAL_TENANT_ID, VITE_GRAPH_BASE_URL: defaults that Settings can override per browser. */
export function buildTimeGraphSettings(): GraphSettings {
  const env = appEnv()
  return {
    clientId: env.msalClientId ?? '',
    tenantId: env.msalTenantId ?? '',
    graphBaseUrl: env.graphBaseUrl,
  }
}

/** VITE_DATA_SOURCE=graph: open the connect dialog at start (sign-in needs a click, so it cannot start by itself). */
export function startsOnGraph(): boolean {
  return appEnv().dataSource === 'graph'
}
