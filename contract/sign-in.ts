/**
 * Our own zod description of Microsoft Graph's sign-in shapes: the single source of truth for
 * the app (src/) and the fake (mocks/). Spec: /work/shared/spec/graph-api.md §1.2, §3.1–3.3.
 *
 * - beta `signIn`: 76 properties + `id`;
 * - v1.0 `signIn`: 29 properties + `id` (the §3.1 "y" rows plus `riskEventTypes`);
 * - beta `summarizedSignIn`: 17 properties + `id`.
 *
 * Objects are strict: the fake must send exactly Graph's property set per version.
 */
import { z } from 'zod'
import {
  agentSignInSchema,
  appliedAuthenticationEventListenerSchema,
  authenticationAppDeviceDetailsSchema,
  authenticationAppPolicyDetailsSchema,
  authenticationContextSchema,
  authenticationDetailSchema,
  authenticationRequirementPolicySchema,
  betaAppliedConditionalAccessPolicySchema,
  betaDeviceDetailSchema,
  dateTime,
  keyValueSchema,
  managedIdentitySchema,
  mfaDetailSchema,
  networkLocationDetailSchema,
  nullableString,
  privateLinkDetailsSchema,
  sessionLifetimePolicySchema,
  signInLocationSchema,
  signInStatusSchema,
  tokenProtectionStatusDetailsSchema,
  v1AppliedConditionalAccessPolicySchema,
  v1DeviceDetailSchema,
} from './complex-types.ts'
import {
  clientCredentialTypeValues,
  conditionalAccessStatusValues,
  flagsEnum,
  incomingTokenTypeValues,
  originalTransferMethodsValues,
  protocolTypeValues,
  riskDetailValues,
  riskEventTypeValues,
  riskLevelValues,
  riskStateValues,
  signInAccessTypeValues,
  signInEventTypeValues,
  signInIdentifierTypeValues,
  signInUserTypeValues,
  tokenIssuerTypeValues,
  tokenProtectionStatusValues,
  v1RiskDetailValues,
} from './enums.ts'

export * from './enums.ts'
export * from './complex-types.ts'

const int = () => z.number().int()

/** Properties present with the same type in both versions (complex types differ, see below). */
const commonSignInShape = {
  id: z.string(),
  appDisplayName: nullableString(),
  appId: nullableString(),
  authenticationAppDeviceDetails: authenticationAppDeviceDetailsSchema.nullable(),
  clientAppUsed: nullableString(),
  conditionalAccessStatus: z.enum(conditionalAccessStatusValues).nullable(),
  correlationId: nullableString(),
  createdDateTime: dateTime(),
  homeTenantId: nullableString(),
  ipAddress: nullableString(),
  isInteractive: z.boolean().nullable(),
  location: signInLocationSchema.nullable(),
  resourceDisplayName: nullableString(),
  resourceId: nullableString(),
  resourceTenantId: nullableString(),
  riskEventTypes_v2: z.array(z.string()),
  riskLevelAggregated: z.enum(riskLevelValues).nullable(),
  riskLevelDuringSignIn: z.enum(riskLevelValues).nullable(),
  riskState: z.enum(riskStateValues).nullable(),
  servicePrincipalName: nullableString(),
  status: signInStatusSchema,
  userAgent: nullableString(),
  userDisplayName: nullableString(),
  // Nullable="false" in both CSDLs (§3): app-only rows carry "" rather than null.
  userId: z.string(),
  userPrincipalName: nullableString(),
}

export const betaSignInSchema = z
  .object({
    ...commonSignInShape,
    agent: agentSignInSchema.nullable(),
    // Omitted (not null) when the caller may not read Conditional Access data (§4.4).
    appliedConditionalAccessPolicies: z.array(betaAppliedConditionalAccessPolicySchema).optional(),
    appliedEventListeners: z.array(appliedAuthenticationEventListenerSchema),
    appOwnerTenantId: nullableString(),
    appTokenProtectionStatus: z.enum(tokenProtectionStatusValues).nullable(),
    authenticationAppPolicyEvaluationDetails: z.array(authenticationAppPolicyDetailsSchema),
    authenticationContextClassReferences: z.array(authenticationContextSchema),
    authenticationDetails: z.array(authenticationDetailSchema),
    authenticationMethodsUsed: z.array(z.string()),
    authenticationProcessingDetails: z.array(keyValueSchema),
    authenticationProtocol: flagsEnum(protocolTypeValues).nullable(),
    authenticationRequirement: nullableString(),
    authenticationRequirementPolicies: z.array(authenticationRequirementPolicySchema),
    autonomousSystemNumber: int().nullable(),
    azureResourceId: nullableString(),
    clientCredentialType: z.enum(clientCredentialTypeValues).nullable(),
    clientSessionId: nullableString(),
    // Collection(Edm.String) in the CSDL; Azure Monitor exports carry objects instead (see fixtures test).
    conditionalAccessAudiences: z.array(z.string()),
    crossTenantAccessType: flagsEnum(signInAccessTypeValues).nullable(),
    deviceDetail: betaDeviceDetailSchema.nullable(),
    federatedCredentialId: nullableString(),
    flaggedForReview: z.boolean().nullable(),
    globalSecureAccessIpAddress: nullableString(),
    homeTenantName: nullableString(),
    incomingTokenType: flagsEnum(incomingTokenTypeValues).nullable(),
    ipAddressFromResourceProvider: nullableString(),
    isTenantRestricted: z.boolean().nullable(),
    isThroughGlobalSecureAccess: z.boolean().nullable(),
    managedServiceIdentity: managedIdentitySchema.nullable(),
    mfaDetail: mfaDetailSchema.nullable(),
    networkLocationDetails: z.array(networkLocationDetailSchema),
    originalRequestId: nullableString(),
    originalTransferMethod: z.enum(originalTransferMethodsValues).nullable(),
    privateLinkDetails: privateLinkDetailsSchema.nullable(),
    processingTimeInMilliseconds: int().nullable(),
    resourceOwnerTenantId: nullableString(),
    resourceServicePrincipalId: nullableString(),
    riskDetail: z.enum(riskDetailValues).nullable(),
    servicePrincipalCredentialKeyId: nullableString(),
    servicePrincipalCredentialThumbprint: nullableString(),
    // Nullable="false" on beta only (§3): user rows carry "".
    servicePrincipalId: z.string(),
    sessionId: nullableString(),
    sessionLifetimePolicies: z.array(sessionLifetimePolicySchema),
    signInEventTypes: z.array(z.enum(signInEventTypeValues)),
    signInIdentifier: nullableString(),
    signInIdentifierType: z.enum(signInIdentifierTypeValues).nullable(),
    signInTokenProtectionStatus: z.enum(tokenProtectionStatusValues).nullable(),
    tokenIssuerName: nullableString(),
    tokenIssuerType: z.enum(tokenIssuerTypeValues).nullable(),
    tokenProtectionStatusDetails: tokenProtectionStatusDetailsSchema.nullable(),
    uniqueTokenIdentifier: nullableString(),
    userType: z.enum(signInUserTypeValues).nullable(),
  })
  .strict()

export const v1SignInSchema = z
  .object({
    ...commonSignInShape,
    appliedConditionalAccessPolicies: z.array(v1AppliedConditionalAccessPolicySchema).optional(),
    deviceDetail: v1DeviceDetailSchema.nullable(),
    riskDetail: z.enum(v1RiskDetailValues).nullable(),
    riskEventTypes: z.array(z.enum(riskEventTypeValues)),
    servicePrincipalId: nullableString(),
  })
  .strict()

export const summarizedSignInSchema = z
  .object({
    id: z.string(),
    agent: agentSignInSchema.nullable(),
    /** Start of the aggregation bucket (§1.2). */
    aggregationDateTime: dateTime(),
    appDisplayName: nullableString(),
    appId: nullableString(),
    conditionalAccessStatus: z.enum(conditionalAccessStatusValues).nullable(),
    firstSignInDateTime: dateTime(),
    ipAddress: nullableString(),
    managedServiceIdentity: managedIdentitySchema.nullable(),
    resourceDisplayName: nullableString(),
    resourceId: nullableString(),
    servicePrincipalId: nullableString(),
    servicePrincipalName: nullableString(),
    // Edm.Int64: JSON number; counts stay far below 2^53.
    signInCount: int().nonnegative(),
    status: signInStatusSchema,
    tenantId: nullableString(),
    // Nullable="false" in the CSDL.
    tokenIssuerType: z.enum(tokenIssuerTypeValues),
    userPrincipalName: nullableString(),
  })
  .strict()

export type BetaSignIn = z.infer<typeof betaSignInSchema>
export type V1SignIn = z.infer<typeof v1SignInSchema>
export type SummarizedSignIn = z.infer<typeof summarizedSignInSchema>
export type BetaAppliedConditionalAccessPolicy = z.infer<typeof betaAppliedConditionalAccessPolicySchema>
export type AuthenticationDetail = z.infer<typeof authenticationDetailSchema>
export type SignInStatus = z.infer<typeof signInStatusSchema>
export type SignInLocation = z.infer<typeof signInLocationSchema>
export type BetaDeviceDetail = z.infer<typeof betaDeviceDetailSchema>
export type ManagedIdentity = z.infer<typeof managedIdentitySchema>

export const betaSignInPropertyNames = Object.keys(betaSignInSchema.shape) as (keyof BetaSignIn)[]
export const v1SignInPropertyNames = Object.keys(v1SignInSchema.shape) as (keyof V1SignIn)[]
export const summarizedSignInPropertyNames = Object.keys(
  summarizedSignInSchema.shape,
) as (keyof SummarizedSignIn)[]
