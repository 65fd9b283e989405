/**
 * Permission- and licence-shaped sign-in payloads (spec §4.4, §7 "Permission-shaped payloads"): what a caller
 * sees of a record it is allowed to list. The tenant's records and their nested objects are frozen and shared
 * across requests, so every change here is made on a shallow copy, never in place.
 */
import type { BetaSignIn, V1SignIn } from '../../contract/sign-in.ts'
import type { ScenarioName } from '../scenarios.ts'

export interface SignInVisibility {
  /** Spec §4.4: without CA read rights (role or Policy.Read.* permission) the property is omitted, not null. */
  readonly conditionalAccess: boolean
  /** Spec §4.4: without an Entra ID P2 licence the risk fields read `hidden`. */
  readonly riskDetails: boolean
}

export const FULL_VISIBILITY: SignInVisibility = { conditionalAccess: true, riskDetails: true }

export function visibilityFor(scenario: ScenarioName): SignInVisibility {
  switch (scenario) {
    case 'no-ca-access':
      return { conditionalAccess: false, riskDetails: true }
    case 'p1-only':
      return { conditionalAccess: true, riskDetails: false }
    default:
      return FULL_VISIBILITY
  }
}

export function isFullyVisible(visibility: SignInVisibility): boolean {
  return visibility.conditionalAccess && visibility.riskDetails
}

/** The risk fields a P1-only tenant cannot see; all three enums have a `hidden` member in both versions. */
export const HIDDEN_RISK_FIELDS = ['riskDetail', 'riskLevelAggregated', 'riskLevelDuringSignIn'] as const

/** The caller's view of a record; returns the record itself (no copy) when nothing is hidden. */
export function applyVisibility<T extends BetaSignIn | V1SignIn>(record: T, visibility: SignInVisibility): T {
  if (isFullyVisible(visibility)) return record
  const copy: T = { ...record }
  if (!visibility.conditionalAccess) delete copy.appliedConditionalAccessPolicies
  if (!visibility.riskDetails) {
    // Spec §4.4 [doc]: "Without P2, the risk fields read `hidden`" (the tenant never emits null risk fields).
    for (const field of HIDDEN_RISK_FIELDS) copy[field] = 'hidden'
  }
  return copy
}
