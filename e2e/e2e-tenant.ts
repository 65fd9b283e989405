/** The fake tenant the e2e build serves, for specs that pick a particular sign-in to look for. */
import { readFileSync } from 'node:fs'
import type { BetaSignIn } from '../contract/sign-in.ts'
import { createTenant, tenantConfigFromEnv } from '../mocks/tenant/index.ts'

/** The VITE_MOCK_* lines of .env.e2e, read the way the app reads them. */
function e2eTenant() {
  const env: Record<string, string> = {}
  for (const line of readFileSync(new URL('../.env.e2e', import.meta.url), 'utf8').split('\n')) {
    const match = /^VITE_(MOCK_[A-Z]+)=(.*)$/.exec(line.trim())
    if (match?.[1] && match[2] !== undefined) env[match[1]] = match[2]
  }
  return createTenant(tenantConfigFromEnv(env))
}

const tenant = e2eTenant()

/** Newest interactive sign-in in the retention window that matches, or undefined. */
export function newestInteractive(matches: (signIn: BetaSignIn) => boolean): BetaSignIn | undefined {
  for (let hour = tenant.hourCount - 1; hour >= 0; hour -= 1) {
    const found = tenant.signInsInHour('interactiveUser', hour).find(matches)
    if (found) return found
  }
  return undefined
}
