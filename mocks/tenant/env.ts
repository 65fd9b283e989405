/**
 * Tenant configuration from environment variables (MOCK_SEED, MOCK_NOW, MOCK_SIZE, MOCK_SCALE), for the
 * standalone server, Playwright and benchmarks. Invalid values throw: a silently wrong tenant
 * would make every failure downstream confusing.
 */
import type { TenantConfig, TenantSize } from './index.ts'

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/
const sizes: readonly TenantSize[] = ['default', 'small']
/** Sign-in ids hold up to 2^20 sign-ins per hour and category; 100x the default tenant stays well under. */
export const MAX_SCALE = 100

export function tenantConfigFromEnv(
  env: Record<string, string | undefined>,
  defaults: Partial<TenantConfig> = {},
): TenantConfig {
  const seedText = env.MOCK_SEED?.trim()
  let seed = defaults.seed ?? 1
  if (seedText) {
    if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) {
      throw new Error(`MOCK_SEED must be an integer (e.g. MOCK_SEED=42); got "${env.MOCK_SEED}"`)
    }
    seed = Number(seedText)
  }
  const nowText = env.MOCK_NOW?.trim()
  let now = defaults.now ?? new Date()
  if (nowText) {
    const parsed = new Date(nowText)
    if (!ISO_DATE_TIME.test(nowText) || Number.isNaN(parsed.getTime())) {
      throw new Error(
        `MOCK_NOW must be an ISO 8601 date-time with zone (e.g. MOCK_NOW=2025-03-04T12:00:00Z); got "${env.MOCK_NOW}"`,
      )
    }
    now = parsed
  }
  const sizeText = env.MOCK_SIZE?.trim()
  let size = defaults.size ?? 'default'
  if (sizeText) {
    if (!sizes.includes(sizeText as TenantSize)) {
      throw new Error(`MOCK_SIZE must be one of ${sizes.join(', ')}; got "${env.MOCK_SIZE}"`)
    }
    size = sizeText as TenantSize
  }
  const scaleText = env.MOCK_SCALE?.trim()
  let scale = defaults.scale ?? 1
  if (scaleText) {
    const parsed = Number(scaleText)
    if (!/^\d+(\.\d+)?$/.test(scaleText) || !(parsed > 0) || parsed > MAX_SCALE) {
      throw new Error(
        `MOCK_SCALE must be a number above 0 and at most ${MAX_SCALE} (e.g. MOCK_SCALE=10 for 10x the sign-ins); got "${env.MOCK_SCALE}"`,
      )
    }
    scale = parsed
  }
  return { seed, now, size, scale }
}
