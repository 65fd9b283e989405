/**
 * Run-time connection settings for "Microsoft Graph": app registration (client id), tenant and Graph base URL.
 * Only these go to localStorage — never a token (issue #6, Security). Build-time defaults come from env.
 */
// zod/mini (functional API): the same checks as classic zod at a fraction of the first-screen bytes (issue #7).
import * as z from 'zod/mini'
import { graphBaseUrlTransportProblem } from '../../config/graph-base-url.ts'

export interface GraphSettings {
  /** application (client) id of the SPA registration; empty = sign-in unavailable, pasting a token still works */
  clientId: string
  /** tenant GUID or verified domain; empty = 'organizations' */
  tenantId: string
  /** 'https://graph.microsoft.com', or the standalone fake e.g. 'http://127.0.0.1:4010' */
  graphBaseUrl: string
}

export const defaultGraphBaseUrl = 'https://graph.microsoft.com'
export const graphSettingsStorageKey = 'sign-in-logs-studio:graph-settings'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

export type GraphSettingsProblems = Partial<Record<keyof GraphSettings, string>>

/** Normalises a base URL: its origin plus any path, without a trailing slash; or a message saying what is wrong. */
export function normaliseGraphBaseUrl(input: string): { url: string } | { problem: string } {
  const text = input.trim()
  if (text === '') return { url: defaultGraphBaseUrl }
  let url: URL
  try {
    url = new URL(text)
  } catch (error) {
    if (error instanceof TypeError)
      return { problem: 'Enter a full URL, such as https://graph.microsoft.com.' }
    throw error
  }
  const transport = graphBaseUrlTransportProblem(url)
  if (transport) return { problem: transport }
  if (url.username || url.password) return { problem: 'The URL must not contain a user name or password.' }
  if (url.search || url.hash) return { problem: 'The base URL must not have a query (?…) or fragment (#…).' }
  return { url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') }
}

export function validateGraphSettings(input: GraphSettings): {
  settings: GraphSettings | null
  problems: GraphSettingsProblems
} {
  const problems: GraphSettingsProblems = {}
  const clientId = input.clientId.trim()
  const tenantId = input.tenantId.trim()
  if (clientId && !GUID.test(clientId)) {
    problems.clientId = 'The application (client) ID is a GUID, e.g. 00000000-0000-0000-0000-000000000000.'
  }
  if (tenantId && !GUID.test(tenantId) && !DOMAIN.test(tenantId) && tenantId !== 'organizations') {
    problems.tenantId =
      'Enter the directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.'
  }
  const base = normaliseGraphBaseUrl(input.graphBaseUrl)
  if ('problem' in base) problems.graphBaseUrl = base.problem
  if (Object.keys(problems).length > 0 || 'problem' in base) return { settings: null, problems }
  return { settings: { clientId, tenantId, graphBaseUrl: base.url }, problems }
}

const storedSchema = z.object({
  clientId: z.string().check(z.maxLength(100)),
  tenantId: z.string().check(z.maxLength(253)),
  graphBaseUrl: z.string().check(z.maxLength(2000)),
})

function localStorageOrNull(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch (error) {
    // Storage disabled (privacy mode, sandboxed frame): settings then live for this page only.
    if (error instanceof DOMException) return null
    throw error
  }
}

/** Stored settings win over build-time defaults; anything unreadable or invalid falls back to the defaults. */
export function loadGraphSettings(
  defaults: GraphSettings,
  storage: Storage | null = localStorageOrNull(),
): GraphSettings {
  const raw = storage?.getItem(graphSettingsStorageKey)
  if (!raw) return defaults
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (error) {
    if (error instanceof SyntaxError) return defaults
    throw error
  }
  const parsed = storedSchema.safeParse(json)
  if (!parsed.success) return defaults
  return validateGraphSettings(parsed.data).settings ?? defaults
}

export function saveGraphSettings(
  settings: GraphSettings,
  storage: Storage | null = localStorageOrNull(),
): void {
  const { clientId, tenantId, graphBaseUrl } = settings
  // Spelled out field by field so nothing else (a token, an account) can ride along into storage.
  storage?.setItem(graphSettingsStorageKey, JSON.stringify({ clientId, tenantId, graphBaseUrl }))
}
