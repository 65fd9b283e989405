/**
 * Display text of every Graph enum the page shows (graph-api.md §3.3), in the portal's wording where
 * portal-ui.md §1.3, §2.6, §3.2 or downloads.md §4 give it, sentence case otherwise. Each table is typed
 * by its member list (contract/enum-values.ts), so a member added there without a label fails to compile.
 * Values we do not know (a newer Graph member, a record from another source) read as words via `humanise`.
 */
import type {
  clientCredentialTypeValues,
  conditionalAccessStatusValues,
  incomingTokenTypeValues,
  msiTypeValues,
  originalTransferMethodsValues,
  protocolTypeValues,
  signInAccessTypeValues,
  signInUserTypeValues,
  tokenIssuerTypeValues,
  tokenProtectionStatusValues,
} from '../../../../contract/enum-values.ts'

export type EnumLabels<Members extends readonly string[] = readonly string[]> = Readonly<
  Record<Members[number], string>
>

/** Graph sends it for members newer than the caller asked for (graph-api.md §2.5). */
export const UNKNOWN_FUTURE_VALUE = 'Unknown future value'

export const conditionalAccessStatusLabels: EnumLabels<typeof conditionalAccessStatusValues> = {
  success: 'Success',
  failure: 'Failure',
  // portal-ui.md §1.3: the docs write both casings; the portal grid uses "Not Applied".
  notApplied: 'Not Applied',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
}

export const signInUserTypeLabels: EnumLabels<typeof signInUserTypeValues> = {
  member: 'Member',
  guest: 'Guest',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
}

/** portal-ui.md §2.6 "Cross tenant access type" choices. */
export const signInAccessTypeLabels: EnumLabels<typeof signInAccessTypeValues> = {
  none: 'None',
  b2bCollaboration: 'B2B collaboration',
  b2bDirectConnect: 'B2B direct connect',
  microsoftSupport: 'Microsoft support',
  serviceProvider: 'Service provider',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
  passthrough: 'Passthrough',
}

/** portal-ui.md §2.6; downloads.md §4 gives `Primary refresh token`. */
export const incomingTokenTypeLabels: EnumLabels<typeof incomingTokenTypeValues> = {
  none: 'None',
  primaryRefreshToken: 'Primary refresh token',
  saml11: 'SAML 1.1',
  saml20: 'SAML 2.0',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
  remoteDesktopToken: 'Remote desktop token',
  refreshToken: 'Refresh token',
}

/** portal-ui.md §2.6 for the first members; the [csdl]-only grants in the same style. */
export const protocolTypeLabels: EnumLabels<typeof protocolTypeValues> = {
  none: 'None',
  oAuth2: 'OAuth2',
  ropc: 'ROPC',
  wsFederation: 'WS-Federation',
  saml20: 'SAML 2.0',
  deviceCode: 'Device code',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
  authenticationTransfer: 'Authentication transfer',
  nativeAuth: 'Native auth',
  implicitAccessTokenAndGetResponseMode: 'Implicit access token (GET response mode)',
  implicitIdTokenAndGetResponseMode: 'Implicit ID token (GET response mode)',
  implicitAccessTokenAndPostResponseMode: 'Implicit access token (POST response mode)',
  implicitIdTokenAndPostResponseMode: 'Implicit ID token (POST response mode)',
  authorizationCodeWithoutPkce: 'Authorization code without PKCE',
  authorizationCodeWithPkce: 'Authorization code with PKCE',
  clientCredentials: 'Client credentials',
  refreshTokenGrant: 'Refresh token grant',
  encryptedAuthorizeResponse: 'Encrypted authorize response',
  directUserGrant: 'Direct user grant',
  kerberos: 'Kerberos',
  prtGrant: 'PRT grant',
  seamlessSso: 'Seamless SSO',
  prtBrokerBased: 'PRT (broker based)',
  prtNonBrokerBased: 'PRT (non-broker based)',
  onBehalfOf: 'On-behalf-of',
  samlOnBehalfOf: 'SAML on-behalf-of',
  officeS2S: 'Office S2S',
  wsTrust: 'WS-Trust',
}

/** PascalCase in Graph; the CSV has always written `Azure AD` (downloads.md §4 "display text"). */
export const tokenIssuerTypeLabels: EnumLabels<typeof tokenIssuerTypeValues> = {
  AzureAD: 'Azure AD',
  ADFederationServices: 'AD Federation Services',
  UnknownFutureValue: UNKNOWN_FUTURE_VALUE,
  AzureADBackupAuth: 'Azure AD Backup Auth',
  ADFederationServicesMFAAdapter: 'AD Federation Services MFA Adapter',
  NPSExtension: 'NPS Extension',
}

export const clientCredentialTypeLabels: EnumLabels<typeof clientCredentialTypeValues> = {
  none: 'None',
  clientSecret: 'Client secret',
  clientAssertion: 'Client assertion',
  federatedIdentityCredential: 'Federated identity credential',
  managedIdentity: 'Managed identity',
  certificate: 'Certificate',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
}

export const originalTransferMethodLabels: EnumLabels<typeof originalTransferMethodsValues> = {
  none: 'None',
  deviceCodeFlow: 'Device code flow',
  authenticationTransfer: 'Authentication transfer',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
}

/** "Unbound (Status code: 1003)" in the details pane [portal-ui.md §3.2, T 35]. */
export const tokenProtectionStatusLabels: EnumLabels<typeof tokenProtectionStatusValues> = {
  none: 'None',
  bound: 'Bound',
  unbound: 'Unbound',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
}

/** portal-ui.md §2.6 "Managed identity type (System assigned / User assigned)". */
export const msiTypeLabels: EnumLabels<typeof msiTypeValues> = {
  none: 'None',
  userAssigned: 'User assigned',
  systemAssigned: 'System assigned',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
}

/** `authenticationRequirement` is a plain string in Graph with these two documented values (§3.1). */
export const authenticationRequirementLabels: EnumLabels<
  readonly ['singleFactorAuthentication', 'multiFactorAuthentication']
> = {
  singleFactorAuthentication: 'Single-factor authentication',
  multiFactorAuthentication: 'Multifactor authentication',
}

const WORD_BOUNDARY = /([a-z0-9])([A-Z])/g
const ACRONYM_BOUNDARY = /([A-Z]+)([A-Z][a-z])/g

/**
 * `primaryRefreshToken` → `Primary refresh token`, `MultifactorAuthentication` → `Multifactor
 * authentication`, `ADFederation` → `AD federation`; text that already has spaces is left alone.
 */
export function humanise(value: string): string {
  if (/\s/.test(value)) return value
  const words = value.replace(WORD_BOUNDARY, '$1 $2').replace(ACRONYM_BOUNDARY, '$1 $2').split(' ')
  return words
    .map((word, index) => {
      if (word.length > 1 && word === word.toUpperCase()) return word
      return index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word.toLowerCase()
    })
    .join(' ')
}

const caseInsensitive = new WeakMap<object, Map<string, string>>()

/** Real records spell some members in another case (`MultifactorAuthentication`, fixtures README). */
function labelIgnoringCase(labels: Readonly<Record<string, string>>, member: string): string | undefined {
  let byLower = caseInsensitive.get(labels)
  if (!byLower) {
    byLower = new Map(Object.entries(labels).map(([key, label]) => [key.toLowerCase(), label]))
    caseInsensitive.set(labels, byLower)
  }
  return byLower.get(member.toLowerCase())
}

function memberText(labels: Readonly<Record<string, string>>, member: string): string {
  return (
    (Object.hasOwn(labels, member) ? labels[member] : undefined) ??
    labelIgnoringCase(labels, member) ??
    humanise(member)
  )
}

/**
 * One enum value as display text; a flags value (Graph joins members with `,`, graph-api.md §3.3) as
 * `A, B`. Empty → null, so callers show a blank.
 */
export function enumText(
  labels: Readonly<Record<string, string>>,
  value: string | null | undefined,
): string | null {
  if (value == null) return null
  if (!value.includes(',')) {
    const member = value.trim()
    return member === '' ? null : memberText(labels, member)
  }
  const members = value
    .split(',')
    .map((member) => member.trim())
    .filter((member) => member !== '')
  return members.length ? members.map((member) => memberText(labels, member)).join(', ') : null
}
