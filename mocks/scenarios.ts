/**
 * Named fault scenarios for the fake Graph (spec §4.2, §4.3, §4.4). The state is a tiny observable value shared
 * by the handlers and whoever drives them: `MOCK_SCENARIO` for `npm run mock:serve`, `scenarios.set()` in tests,
 * the app's developer menu in the browser. Where each scenario acts: error replies in mocks/graph/faults.ts,
 * `expired-token` in mocks/graph/handle-request.ts (right after the token check), and the permission-shaped
 * payloads (`no-ca-access`, `p1-only`) in mocks/graph/visibility.ts.
 */

export const scenarioNames = [
  'none',
  'throttle',
  'non-premium',
  'forbidden',
  'missing-permission',
  'expired-token',
  'no-ca-access',
  'p1-only',
  'flaky',
  'slow',
] as const
export type ScenarioName = (typeof scenarioNames)[number]

/** One-line, user-facing description of each scenario (for pickers and logs). */
export const scenarioDescriptions: Readonly<Record<ScenarioName, string>> = {
  none: 'Healthy tenant',
  throttle: '429 after 5 requests per 10 s per app and tenant (spec §4.3)',
  'non-premium': '403: tenant has no Entra ID P1/P2 licence',
  forbidden: '403: signed-in user lacks a reports role (Reports Reader, Security Reader, Global Reader, …)',
  'missing-permission': '403: token lacks the AuditLog.Read.All permission',
  'expired-token': '401 on every request: access token has expired (sign in again)',
  'no-ca-access': 'Caller cannot read Conditional Access data: appliedConditionalAccessPolicies is omitted',
  'p1-only': 'Tenant has Entra ID P1 but not P2: risk fields read "hidden"',
  flaky: 'About 1 in 5 requests fails with 503/504 or a dropped connection',
  slow: 'Every response takes 0.6–1.5 s',
}

export interface ScenarioState {
  get(): ScenarioName
  set(name: ScenarioName): void
  /** Called after every change; returns an unsubscribe function. */
  subscribe(listener: (name: ScenarioName) => void): () => void
}

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (scenarioNames as readonly string[]).includes(value)
}

/** For MOCK_SCENARIO: empty = 'none'; an unknown name is an error, so a typo doesn't silently test nothing. */
export function parseScenarioName(value: string | undefined): ScenarioName {
  const text = value?.trim() ?? ''
  if (text === '') return 'none'
  if (!isScenarioName(text)) {
    throw new Error(`Unknown mock scenario '${text}'. Expected one of: ${scenarioNames.join(', ')}.`)
  }
  return text
}

export function createScenarioState(initial: ScenarioName = 'none'): ScenarioState {
  let current = initial
  const listeners = new Set<(name: ScenarioName) => void>()
  return {
    get: () => current,
    set(name) {
      if (!isScenarioName(name)) throw new Error(`Unknown mock scenario '${String(name)}'.`)
      current = name
      for (const listener of listeners) listener(name)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
