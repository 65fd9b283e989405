/**
 * Expands a bucket's groups into beta-shaped sign-in records (graph-api.md §3). Everything shared
 * by a group (principal, app, resource, IP, location, CA outcome, status) is resolved once; each
 * record adds its own id, time, device, token id and timings.
 */
import type { AuthenticationDetail, BetaSignIn, SignInEventType } from '../../contract/sign-in.ts'
import type { Place } from './catalog.ts'
import type { Device, Directory, ManagedIdentityPrincipal, User } from './directory.ts'
import { failureReasonOf } from './error-codes.ts'
import { groupFacts } from './group-facts.ts'
import type { Group } from './groups.ts'
import { hostileUserAgentPerMille, hostileUserAgents } from './hostile.ts'
import { requestCorrelationId, sessionCorrelationId } from './correlation.ts'
import { encodeSignInId } from './ids.ts'
import { guidOf, hashInts, tokenIdentifier, unit } from './random.ts'
import { typeCode } from './volume.ts'

const nativeUserAgent: Record<Device['kind'], string> = {
  windows: 'Windows-AzureAD-Authentication-Provider/1.0',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  ios: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  android: 'Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A.240805.005)',
}
const workloadUserAgents = [
  'azsdk-net-Identity/1.12.0 (.NET 8.0.8; Microsoft Windows 10.0.20348)',
  'azsdk-python-identity/1.17.1 Python/3.11.9 (Linux-5.15.0-1068-azure-x86_64-with-glibc2.35)',
  'Go-http-client/1.1',
  'MSAL.NodeJS/2.13.1',
]

const additionalDetailsOf = (code: number, mfa: boolean): string | null =>
  code === 0
    ? mfa
      ? 'MFA requirement satisfied by claim in the token'
      : null
    : code === 50140
      ? 'The "Stay signed in?" prompt interrupted the sign-in.'
      : null

export const noAgent = () => ({
  agentType: 'notAgentic' as const,
  agentSubjectType: null,
  agentSubjectParentId: null,
  parentAppId: null,
})

function locationOf(place: Place | null) {
  if (!place)
    return {
      city: '',
      state: '',
      countryOrRegion: '',
      geoCoordinates: { altitude: null, latitude: 0, longitude: 0 },
    }
  return {
    city: place.city,
    state: place.state,
    countryOrRegion: place.country,
    geoCoordinates: { altitude: null, latitude: place.latitude, longitude: place.longitude },
  }
}

function pickDevice(user: User, kinds: readonly Device['kind'][], preferMobile: boolean, h: number): Device {
  const usable = user.devices.filter((d) => kinds.includes(d.kind))
  const pool = usable.length ? usable : user.devices
  const mobile = pool.filter((d) => d.kind === 'ios' || d.kind === 'android')
  const desktop = pool.filter((d) => d.kind === 'windows' || d.kind === 'mac')
  const chosen = preferMobile ? (mobile.length ? mobile : pool) : desktop.length ? desktop : pool
  return chosen[h % chosen.length] as Device
}

/** Deep-freezes a value shared by many records, so an accidental mutation throws instead of spreading. */
function shared<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) shared(child)
    Object.freeze(value)
  }
  return value
}
const EMPTY = shared([]) as never[]
const PRIVATE_LINK = shared({ policyId: '', policyName: '', policyTenantId: '', resourceId: '' })
const processingDetails = (cae: boolean) =>
  shared([
    { key: 'Legacy TLS (TLS 1.0, 1.1, 3DES)', value: 'False' },
    { key: 'Is CAE Token', value: cae ? 'True' : 'False' },
  ])
const PROCESSING = [processingDetails(false), processingDetails(true)] as const
const MFA_REQUIREMENT = shared([
  { requirementProvider: 'multiConditionalAccess' as const, detail: 'Conditional Access' },
])
const TOKEN_BOUND = shared({ signInSessionStatus: 'bound' as const, signInSessionStatusCode: 0 })
const TOKEN_NONE = shared({ signInSessionStatus: 'none' as const, signInSessionStatusCode: null })
const SIGN_IN_FREQUENCY = shared([
  {
    expirationRequirement: 'signInFrequencyPeriodicReauthentication' as const,
    detail: 'Sign-in frequency periodic reauthentication',
  },
])
const OFFICE_NETWORK = shared([
  { networkType: 'trustedNamedLocation' as const, networkNames: ['Contoso offices'] },
])
const RISKY_NETWORK = shared([
  { networkType: 'namedNetwork' as const, networkNames: ['Untrusted countries'] },
])
const RISK_EVENTS = shared(['unfamiliarFeatures'])
const AGENT = shared(noAgent())
const blankDevice = (operatingSystem: string) =>
  shared({
    deviceId: '',
    displayName: '',
    operatingSystem,
    browser: '',
    browserId: null,
    trustType: '',
    isCompliant: false,
    isManaged: false,
  })
const WORKLOAD_DEVICE = blankDevice('Linux')
const NO_DEVICE = blankDevice('')

export function managedIdentityOf(
  mi: ManagedIdentityPrincipal | undefined,
): BetaSignIn['managedServiceIdentity'] {
  return mi
    ? {
        msiType: mi.msiType,
        associatedResourceId: mi.associatedResourceId,
        federatedTokenId: null,
        // A user-assigned identity federated with GitHub Actions (workload identity federation).
        federatedTokenIssuer:
          mi.name === 'id-github-deploy' ? 'https://token.actions.githubusercontent.com' : null,
      }
    : { msiType: 'none', associatedResourceId: null, federatedTokenId: null, federatedTokenIssuer: null }
}

export interface BucketRef {
  readonly type: SignInEventType
  readonly absoluteHour: number
  readonly hourStartMs: number
  readonly lengthMs: number
}

/** Which groups of a bucket to build; `firstIndex` is the bucket index of the group's first sign-in. */
export type GroupSelector = (group: Group, firstIndex: number) => boolean

/**
 * Builds the bucket's records in generation order (index = position in the whole bucket, encoded in the id).
 * With `select`, only the chosen groups are built; their records keep the ids they have in the whole bucket.
 */
export function buildRecords(
  dir: Directory,
  bucket: BucketRef,
  groups: readonly Group[],
  select?: GroupSelector,
): BetaSignIn[] {
  const out: BetaSignIn[] = []
  let nextIndex = 0
  const { type, absoluteHour, hourStartMs, lengthMs } = bucket
  const day = Math.floor(absoluteHour / 24)
  const code = typeCode(type)
  const isUser = type === 'interactiveUser' || type === 'nonInteractiveUser'
  for (const g of groups) {
    const groupStart = nextIndex
    nextIndex += g.count
    if (select && !select(g, groupStart)) continue
    const { user, app, sp, mi, resource, ip, place, ca } = groupFacts(dir, type, g, day)
    const mfa = isUser && ca.mfaRequired
    const risky = g.ipSlot === 3
    const session = user ? sessionCorrelationId(dir.seed, user.index, app!.family, day) : ''
    const failureReason = failureReasonOf(g.errorCode)
    const additionalDetails = additionalDetailsOf(g.errorCode, mfa)
    const interactive = type === 'interactiveUser'
    // Nested values identical for the whole group are built once and shared (read-only).
    const policies = shared(ca.policies())
    const location = shared(locationOf(place))
    const managedServiceIdentity = shared(managedIdentityOf(mi))
    const status = shared({ errorCode: g.errorCode, failureReason, additionalDetails })
    const audiences = shared([resource.appId])
    const eventTypes = shared([type])
    const networks = g.ipSlot === 0 ? OFFICE_NETWORK : risky ? RISKY_NETWORK : EMPTY
    const sessionId = user ? guidOf(dir.seed, 0x5e56, user.index, day) : null
    const deviceDetails: BetaSignIn['deviceDetail'][] = []
    for (let j = 0; j < g.count; j++) {
      const index = groupStart + j
      const h = hashInts(g.seed, j)
      const offset =
        j === 0 ? g.firstOffsetMs : g.firstOffsetMs + Math.floor(unit(h) * (lengthMs - g.firstOffsetMs))
      const createdDateTime = new Date(hourStartMs + offset).toISOString()
      const id = encodeSignInId(dir.seed, { typeCode: code, absoluteHour, index })
      const device = user ? pickDevice(user, app!.kinds, g.ipSlot === 2, hashInts(h, 5)) : undefined
      const deviceIndex = device ? user!.devices.indexOf(device) : 0
      const browser = app?.clientAppUsed === 'Browser'
      const hostileUa = interactive && browser && hashInts(h, 6) % 1000 < hostileUserAgentPerMille
      const userAgent = device
        ? hostileUa
          ? (hostileUserAgents[hashInts(h, 7) % hostileUserAgents.length] as string)
          : browser
            ? device.browserUserAgent
            : nativeUserAgent[device.kind]
        : sp
          ? (workloadUserAgents[g.principal % workloadUserAgents.length] as string)
          : ''
      const prt = !interactive && device?.kind === 'windows' && (app!.family === 1 || app!.family === 3)
      const authenticationDetails: AuthenticationDetail[] = []
      const methods: string[] = []
      if (interactive && user) {
        const passwordOk = g.errorCode !== 50126 && g.errorCode !== 50053
        const fido = user.mfaMethod === 'FIDO2 security key'
        methods.push(fido ? 'FIDO2 security key' : 'Password')
        authenticationDetails.push({
          authenticationStepDateTime: createdDateTime,
          authenticationMethod: fido ? 'FIDO2 security key' : 'Password',
          authenticationMethodDetail: fido ? 'FIDO2 security key' : 'Password in the cloud',
          authenticationStepRequirement: 'Primary authentication',
          authenticationStepResultDetail: passwordOk
            ? 'Correct password'
            : 'Invalid username or password or Invalid on-premise username or password.',
          succeeded: passwordOk,
        })
        if (mfa && passwordOk && !fido) {
          const done = g.errorCode === 0
          methods.push(user.mfaMethod)
          authenticationDetails.push({
            authenticationStepDateTime: new Date(
              hourStartMs + Math.min(offset + 9000, lengthMs - 1),
            ).toISOString(),
            authenticationMethod: user.mfaMethod,
            authenticationMethodDetail: null,
            authenticationStepRequirement: 'Multifactor authentication',
            authenticationStepResultDetail: done
              ? 'MFA successfully completed'
              : 'MFA denied; user did not respond to mobile app notification',
            succeeded: done,
          })
        }
      } else if (user) {
        authenticationDetails.push({
          authenticationStepDateTime: createdDateTime,
          authenticationMethod: 'Previously satisfied',
          authenticationMethodDetail: null,
          authenticationStepRequirement: 'Primary authentication',
          authenticationStepResultDetail: 'First factor requirement satisfied by claim in the token',
          succeeded: true,
        })
      }
      out.push({
        id,
        agent: AGENT,
        appDisplayName: app?.displayName ?? sp?.name ?? mi?.name ?? null,
        appId: app?.appId ?? sp?.appId ?? mi?.appId ?? null,
        appliedConditionalAccessPolicies: policies,
        appliedEventListeners: EMPTY,
        appOwnerTenantId: app?.ownerTenantId ?? dir.tenantId,
        appTokenProtectionStatus: null,
        authenticationAppDeviceDetails: null,
        authenticationAppPolicyEvaluationDetails:
          mfa && user?.mfaMethod === 'Mobile app notification' && interactive
            ? [
                {
                  policyName: 'Number matching',
                  adminConfiguration: 'enabled',
                  authenticationEvaluation: g.errorCode === 0 ? 'success' : 'failure',
                  status: g.errorCode === 0 ? 'numberMatchCorrectNumberEntered' : 'numberMatchDeny',
                },
              ]
            : [],
        authenticationContextClassReferences: EMPTY,
        authenticationDetails,
        authenticationMethodsUsed: methods.length ? methods : EMPTY,
        authenticationProcessingDetails: PROCESSING[hashInts(h, 8) % 3 === 0 ? 1 : 0],
        authenticationProtocol:
          interactive && app?.isAdminTool && hashInts(h, 9) % 50 === 0 ? 'deviceCode' : 'none',
        authenticationRequirement: mfa ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
        authenticationRequirementPolicies: mfa ? MFA_REQUIREMENT : EMPTY,
        autonomousSystemNumber: place ? place.asn : null,
        azureResourceId: '',
        clientAppUsed: app?.clientAppUsed ?? null,
        clientCredentialType: sp ? sp.credential : mi ? 'managedIdentity' : 'none',
        clientSessionId: null,
        conditionalAccessAudiences: audiences,
        conditionalAccessStatus: ca.status,
        correlationId: user ? session : requestCorrelationId(dir.seed, code, absoluteHour, index),
        createdDateTime,
        crossTenantAccessType: user?.isGuest ? 'b2bCollaboration' : 'none',
        deviceDetail: device
          ? (deviceDetails[deviceIndex] ??= shared({
              deviceId: device.deviceId,
              displayName: device.displayName,
              operatingSystem: device.operatingSystem,
              browser:
                app!.clientAppUsed === 'Browser' ? device.browser : `Rich Client ${4 + (g.seed % 2)}.61.0.0`,
              browserId: null,
              trustType: device.trustType,
              isCompliant: device.isCompliant,
              isManaged: device.isManaged,
            }))
          : sp
            ? WORKLOAD_DEVICE
            : NO_DEVICE,
        federatedCredentialId: sp?.federatedCredentialId ?? '',
        flaggedForReview: false,
        globalSecureAccessIpAddress: null,
        homeTenantId: user?.homeTenantId ?? dir.tenantId,
        homeTenantName: user ? user.homeTenantName : 'Contoso',
        incomingTokenType: interactive || !user ? 'none' : prt ? 'primaryRefreshToken' : 'refreshToken',
        ipAddress: ip,
        ipAddressFromResourceProvider: null,
        isInteractive: interactive,
        isTenantRestricted: false,
        isThroughGlobalSecureAccess: false,
        location,
        managedServiceIdentity,
        mfaDetail:
          mfa && interactive && methods.length > 1 ? { authMethod: user!.mfaMethod, authDetail: null } : null,
        networkLocationDetails: networks,
        originalRequestId: interactive ? id : '',
        originalTransferMethod: 'none',
        privateLinkDetails: PRIVATE_LINK,
        processingTimeInMilliseconds: 35 + (hashInts(h, 11) % (interactive ? 400 : 160)),
        resourceDisplayName: resource.displayName,
        resourceId: resource.appId,
        resourceOwnerTenantId: resource.ownerTenantId,
        resourceServicePrincipalId: resource.servicePrincipalId,
        resourceTenantId: dir.tenantId,
        riskDetail: 'none',
        riskEventTypes_v2: risky && interactive ? RISK_EVENTS : EMPTY,
        riskLevelAggregated: risky && interactive ? 'medium' : 'none',
        riskLevelDuringSignIn: risky && interactive ? 'medium' : 'none',
        riskState: risky && interactive ? 'atRisk' : 'none',
        servicePrincipalCredentialKeyId: sp?.keyId ?? '',
        servicePrincipalCredentialThumbprint: sp?.thumbprint ?? '',
        servicePrincipalId: sp?.id ?? mi?.id ?? '',
        servicePrincipalName: sp?.name ?? mi?.name ?? '',
        sessionId,
        sessionLifetimePolicies: g.errorCode === 70043 ? SIGN_IN_FREQUENCY : EMPTY,
        signInEventTypes: eventTypes,
        signInIdentifier: interactive ? user!.upn : '',
        signInIdentifierType: interactive ? 'userPrincipalName' : null,
        signInTokenProtectionStatus: 'none',
        status,
        tokenIssuerName: '',
        tokenIssuerType: 'AzureAD',
        tokenProtectionStatusDetails: prt ? TOKEN_BOUND : TOKEN_NONE,
        uniqueTokenIdentifier: tokenIdentifier(h),
        userAgent,
        userDisplayName: user?.displayName ?? '',
        userId: user?.id ?? '',
        userPrincipalName: user?.upn ?? '',
        userType: user ? (user.isGuest ? 'guest' : 'member') : null,
      })
    }
  }
  return out
}
