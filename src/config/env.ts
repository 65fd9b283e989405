/**
 * The validated Vite environment (style.md: config/ = validated settings). One parse, one clear message
 * listing every bad variable, instead of `undefined` surfacing later as a confusing network error.
 */
// zod/mini (functional API): the same checks as classic zod at a fraction of the first-screen bytes (issue #7).
import * as z from 'zod/mini'
import { graphBaseUrlTransportProblem } from './graph-base-url.ts'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// A tenant is a GUID, a verified domain, or the multi-tenant 'organizations' authority (personal accounts
// cannot read sign-in logs, graph-api.md §4.4, so 'common' and 'consumers' are refused).
const TENANT =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|organizations|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i

/** Vite passes unset variables as undefined and blank ones as '': both mean "not set". */
const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.transform((value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)),
    z.optional(schema),
  )

/** `schema`, then `undefined` replaced by `fallback`. */
const withDefault = <T extends z.ZodMiniType, D>(schema: T, fallback: D) =>
  z.pipe(
    schema,
    z.transform((value: z.output<T>) => value ?? fallback),
  )

const envSchema = z.object({
  VITE_DATA_SOURCE: withDefault(
    optional(z.enum(['mock', 'graph'], { error: "must be 'mock' or 'graph'" })),
    'mock' as const,
  ),
  VITE_GRAPH_BASE_URL: withDefault(
    optional(
      z.pipe(
        z
          .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://graph.microsoft.com' })
          .check(
            // The same rule as the Settings value: the build-time default carries the token too.
            z.refine(
              (url: string) => !URL.canParse(url) || graphBaseUrlTransportProblem(new URL(url)) === null,
              {
                error: 'must be https (plain http only for 127.0.0.1, ::1 or localhost)',
              },
            ),
          ),
        z.transform((url: string) => url.replace(/\/+$/, '')),
      ),
    ),
    'https://graph.microsoft.com',
  ),
  VITE_MSAL_CLIENT_ID: optional(
    z.string().check(z.trim(), z.regex(GUID, 'must be the app registration GUID')),
  ),
  VITE_MSAL_TENANT_ID: optional(
    z
      .string()
      .check(
        z.trim(),
        z.regex(TENANT, "must be a tenant GUID, a domain such as contoso.com, or 'organizations'"),
      ),
  ),
  VITE_MOCK_SIZE: optional(z.enum(['default', 'small'], { error: "must be 'default' or 'small'" })),
  VITE_MOCK_SEED: optional(
    z.coerce
      .number({ error: 'must be an integer' })
      .check(z.int('must be an integer'), z.minimum(0, 'must be 0 or more')),
  ),
  VITE_MOCK_NOW: optional(
    z.pipe(
      z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-11-30T12:00:00Z' }),
      z.transform((text: string) => new Date(text)),
    ),
  ),
})
// The MSAL ids are optional even in graph mode: a pasted access token needs no app registration.

export interface AppEnv {
  dataSource: 'mock' | 'graph'
  graphBaseUrl: string
  msalClientId: string | undefined
  msalTenantId: string | undefined
  mockSize: 'default' | 'small' | undefined
  mockSeed: number | undefined
  mockNow: Date | undefined
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration (.env):\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'EnvError'
  }
}

/** Throws EnvError naming each bad variable, its value and what it must be. */
export function parseEnv(raw: Record<string, unknown>): AppEnv {
  const result = envSchema.safeParse(raw)
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? 'environment')
        const value = raw[key]
        const shown =
          typeof value === 'string' && value !== '' ? ` (got ${JSON.stringify(value.slice(0, 80))})` : ''
        return `${key} ${issue.message}${shown}`
      }),
    )
  }
  const env = result.data
  return {
    dataSource: env.VITE_DATA_SOURCE,
    graphBaseUrl: env.VITE_GRAPH_BASE_URL,
    msalClientId: env.VITE_MSAL_CLIENT_ID,
    msalTenantId: env.VITE_MSAL_TENANT_ID,
    mockSize: env.VITE_MOCK_SIZE,
    mockSeed: env.VITE_MOCK_SEED,
    mockNow: env.VITE_MOCK_NOW,
  }
}

let cached: AppEnv | undefined

/** The app's environment, parsed on first use (so a bad .env fails with its message, not at import). */
export function appEnv(): AppEnv {
  cached ??= parseEnv(import.meta.env)
  return cached
}
