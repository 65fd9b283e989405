/**
 * The tenant's Conditional Access policies and how a sign-in evaluates against them.
 * Evaluation depends only on grouping-key fields (user, app, resource, IP slot, error code), so
 * every sign-in of a group (and its summary row) shares one `conditionalAccessStatus`.
 */
import type { BetaAppliedConditionalAccessPolicy } from '../../contract/sign-in.ts'
import type { Directory, User } from './directory.ts'
import { guidOf } from './random.ts'

export interface CaInput {
  readonly user: User | undefined
  readonly resourceName: string
  readonly ipSlot: number
  readonly errorCode: number
  readonly servicePrincipal: boolean
}

type Result = BetaAppliedConditionalAccessPolicy['result']

interface PolicyDef {
  readonly displayName: string
  readonly grant: readonly string[]
  readonly session: readonly string[]
  readonly forWorkloads: boolean
  readonly evaluate: (input: CaInput, mfaRequired: boolean) => Result
}

const blockCodes = new Set([53000, 53001, 53002, 53003])
const mfaFailure = (code: number) => code === 500121 || code === 50074 || code === 50076

export const mfaRequiredFor = (input: CaInput): boolean =>
  !input.servicePrincipal &&
  (input.user?.isAdmin === true ||
    input.resourceName === 'Windows Azure Service Management API' ||
    input.ipSlot === 3)

const policies: readonly PolicyDef[] = [
  {
    displayName: 'Require MFA for administrators',
    grant: ['Mfa'],
    session: [],
    forWorkloads: false,
    evaluate: (i) => (i.user?.isAdmin ? (mfaFailure(i.errorCode) ? 'failure' : 'success') : 'notApplied'),
  },
  {
    displayName: 'Require MFA for Azure management',
    grant: ['Mfa'],
    session: [],
    forWorkloads: false,
    evaluate: (i) =>
      i.resourceName === 'Windows Azure Service Management API'
        ? mfaFailure(i.errorCode)
          ? 'failure'
          : 'success'
        : 'notApplied',
  },
  {
    displayName: 'Block legacy authentication',
    grant: ['Block'],
    session: [],
    forWorkloads: false,
    evaluate: () => 'notApplied',
  },
  {
    displayName: 'Require compliant or hybrid joined device for Exchange Online',
    grant: ['RequireCompliantDevice', 'RequireDomainJoinedDevice'],
    session: [],
    forWorkloads: false,
    evaluate: (i) =>
      i.resourceName === 'Office 365 Exchange Online'
        ? i.errorCode === 53000
          ? 'failure'
          : 'success'
        : 'notApplied',
  },
  {
    displayName: 'Block access from untrusted countries',
    grant: ['Block'],
    session: [],
    forWorkloads: false,
    evaluate: (i) => (i.errorCode === 53003 || i.ipSlot === 3 ? 'failure' : 'notApplied'),
  },
  {
    displayName: 'Microsoft-managed: Multifactor authentication and reauthentication for risky sign-ins',
    grant: ['Mfa'],
    session: ['SignInFrequency'],
    forWorkloads: false,
    evaluate: (i) => (i.ipSlot === 3 ? 'reportOnlyInterrupted' : 'reportOnlyNotApplied'),
  },
  {
    displayName: 'Require MFA for all users (report-only)',
    grant: ['Mfa'],
    session: [],
    forWorkloads: false,
    evaluate: (i, mfa) =>
      i.user?.isGuest
        ? 'reportOnlyNotApplied'
        : mfaFailure(i.errorCode)
          ? 'reportOnlyFailure'
          : mfa
            ? 'reportOnlySuccess'
            : 'reportOnlyInterrupted',
  },
  {
    displayName: 'Sign-in frequency 12 hours on unmanaged devices',
    grant: [],
    session: ['SignInFrequency'],
    forWorkloads: false,
    evaluate: () => 'notEnabled',
  },
  {
    displayName: 'Workload identities: block outside trusted networks',
    grant: ['Block'],
    session: [],
    forWorkloads: true,
    evaluate: (i) => (i.errorCode === 53003 ? 'failure' : 'notApplied'),
  },
]

export interface CaOutcome {
  readonly status: 'success' | 'failure' | 'notApplied'
  readonly mfaRequired: boolean
  readonly policies: () => BetaAppliedConditionalAccessPolicy[]
}

export function evaluateConditionalAccess(dir: Directory, input: CaInput): CaOutcome {
  const mfaRequired = mfaRequiredFor(input)
  const applicable = policies
    .map((def, index) => ({ def, index }))
    .filter(({ def }) => def.forWorkloads === input.servicePrincipal)
  const results = applicable.map(({ def, index }) => ({
    def,
    index,
    result: def.evaluate(input, mfaRequired),
  }))
  const status =
    blockCodes.has(input.errorCode) || results.some((r) => r.result === 'failure')
      ? 'failure'
      : results.some((r) => r.result === 'success')
        ? 'success'
        : 'notApplied'
  return {
    status,
    mfaRequired,
    // Built on demand: a fresh array per record, so callers may mutate it safely.
    policies: () =>
      results.map(({ def, index, result }) => {
        const applied =
          result === 'success' ||
          result === 'failure' ||
          result === 'reportOnlySuccess' ||
          result === 'reportOnlyFailure' ||
          result === 'reportOnlyInterrupted'
        return {
          id: guidOf(dir.seed, 0xca, index),
          displayName: def.displayName,
          enforcedGrantControls: applied ? [...def.grant] : [],
          enforcedSessionControls: applied ? [...def.session] : [],
          sessionControlsNotSatisfied: [],
          result,
          conditionsSatisfied: applied
            ? input.servicePrincipal
              ? 'application,servicePrincipals'
              : 'application,users'
            : 'none',
          conditionsNotSatisfied: applied
            ? 'none'
            : input.servicePrincipal
              ? 'servicePrincipals'
              : 'application',
          includeRulesSatisfied: applied
            ? [
                { conditionalAccessCondition: 'application', ruleSatisfied: 'allApps' },
                { conditionalAccessCondition: 'users', ruleSatisfied: 'allUsers' },
              ]
            : [],
          excludeRulesSatisfied: [],
          authenticationStrength: null,
        }
      }),
  }
}
