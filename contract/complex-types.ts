/**
 * Complex types used by `signIn` and `summarizedSignIn` (graph-api.md §3.2).
 *
 * Nullability: OData JSON sends every declared property; a primitive or complex value without
 * data is `null`, but a collection is always an array (possibly empty), never `null`. Hence
 * scalars/objects are `.nullable()` and arrays are not, unless the CSDL says `Nullable="false"`.
 * Every object is `.strict()` so that a property we do not model fails validation instead of
 * slipping through (the fake must emit exactly Graph's shape, no more).
 */
import { z } from 'zod'
import {
  agentTypeValues,
  appliedConditionalAccessPolicyResultValues,
  authenticationAppAdminConfigurationValues,
  authenticationAppEvaluationValues,
  authenticationAppPolicyStatusValues,
  authenticationContextDetailValues,
  authenticationEventTypeValues,
  authenticationStrengthResultValues,
  conditionalAccessConditionsValues,
  conditionalAccessRuleValues,
  expirationRequirementValues,
  flagsEnum,
  msiTypeValues,
  networkTypeValues,
  requirementProviderValues,
  tokenProtectionStatusValues,
} from './enums.ts'

/** A Graph `Edm.String` that may be null. */
export const nullableString = () => z.string().nullable()
/** `Edm.DateTimeOffset` as Graph writes it: ISO 8601 UTC with `Z`, fraction optional (§3.1). */
export const dateTime = () => z.iso.datetime()

export const signInStatusSchema = z
  .object({
    errorCode: z.number().int(),
    failureReason: nullableString(),
    additionalDetails: nullableString(),
  })
  .strict()

export const geoCoordinatesSchema = z
  .object({
    altitude: z.number().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  })
  .strict()

export const signInLocationSchema = z
  .object({
    city: nullableString(),
    state: nullableString(),
    countryOrRegion: nullableString(),
    geoCoordinates: geoCoordinatesSchema.nullable(),
  })
  .strict()

const deviceDetailShape = {
  deviceId: nullableString(),
  displayName: nullableString(),
  operatingSystem: nullableString(),
  browser: nullableString(),
  trustType: nullableString(),
  isCompliant: z.boolean().nullable(),
  isManaged: z.boolean().nullable(),
}
export const betaDeviceDetailSchema = z.object({ ...deviceDetailShape, browserId: nullableString() }).strict()
/** v1.0 `deviceDetail` has no `browserId` (§3.2). */
export const v1DeviceDetailSchema = z.object(deviceDetailShape).strict()

export const conditionalAccessRuleSatisfiedSchema = z
  .object({
    conditionalAccessCondition: flagsEnum(conditionalAccessConditionsValues).nullable(),
    ruleSatisfied: z.enum(conditionalAccessRuleValues).nullable(),
  })
  .strict()

export const authenticationStrengthSchema = z
  .object({
    authenticationStrengthId: nullableString(),
    displayName: nullableString(),
    authenticationStrengthResult: z.enum(authenticationStrengthResultValues).nullable(),
  })
  .strict()

const v1PolicyShape = {
  id: nullableString(),
  displayName: nullableString(),
  enforcedGrantControls: z.array(z.string()),
  enforcedSessionControls: z.array(z.string()),
  result: z.enum(appliedConditionalAccessPolicyResultValues).nullable(),
}
/** v1.0 policy: only id, displayName, enforcedGrantControls, enforcedSessionControls, result (§3.2). */
export const v1AppliedConditionalAccessPolicySchema = z.object(v1PolicyShape).strict()
export const betaAppliedConditionalAccessPolicySchema = z
  .object({
    ...v1PolicyShape,
    sessionControlsNotSatisfied: z.array(z.string()),
    conditionsSatisfied: flagsEnum(conditionalAccessConditionsValues).nullable(),
    conditionsNotSatisfied: flagsEnum(conditionalAccessConditionsValues).nullable(),
    includeRulesSatisfied: z.array(conditionalAccessRuleSatisfiedSchema),
    excludeRulesSatisfied: z.array(conditionalAccessRuleSatisfiedSchema),
    authenticationStrength: authenticationStrengthSchema.nullable(),
  })
  .strict()

export const authenticationDetailSchema = z
  .object({
    authenticationStepDateTime: dateTime().nullable(),
    authenticationMethod: nullableString(),
    authenticationMethodDetail: nullableString(),
    authenticationStepRequirement: nullableString(),
    authenticationStepResultDetail: nullableString(),
    succeeded: z.boolean().nullable(),
  })
  .strict()

export const keyValueSchema = z.object({ key: nullableString(), value: nullableString() }).strict()

export const networkLocationDetailSchema = z
  .object({
    networkType: z.enum(networkTypeValues).nullable(),
    networkNames: z.array(z.string()),
  })
  .strict()

export const authenticationRequirementPolicySchema = z
  .object({
    requirementProvider: z.enum(requirementProviderValues).nullable(),
    detail: nullableString(),
  })
  .strict()

export const sessionLifetimePolicySchema = z
  .object({
    expirationRequirement: z.enum(expirationRequirementValues).nullable(),
    detail: nullableString(),
  })
  .strict()

export const authenticationContextSchema = z
  .object({
    id: nullableString(),
    detail: z.enum(authenticationContextDetailValues).nullable(),
  })
  .strict()

export const appliedAuthenticationEventListenerSchema = z
  .object({
    eventType: z.enum(authenticationEventTypeValues).nullable(),
    executedListenerId: nullableString(),
    // `authenticationEventHandlerResult` is abstract: its concrete (derived) types differ per
    // listener kind and carry `@odata.type`, so only "some JSON object" can be promised here.
    handlerResult: z.record(z.string(), z.unknown()).nullable(),
  })
  .strict()

export const authenticationAppDeviceDetailsSchema = z
  .object({
    appVersion: nullableString(),
    clientApp: nullableString(),
    deviceId: nullableString(),
    operatingSystem: nullableString(),
  })
  .strict()

export const authenticationAppPolicyDetailsSchema = z
  .object({
    policyName: nullableString(),
    adminConfiguration: z.enum(authenticationAppAdminConfigurationValues).nullable(),
    authenticationEvaluation: z.enum(authenticationAppEvaluationValues).nullable(),
    status: z.enum(authenticationAppPolicyStatusValues).nullable(),
  })
  .strict()

export const managedIdentitySchema = z
  .object({
    msiType: z.enum(msiTypeValues).nullable(),
    associatedResourceId: nullableString(),
    federatedTokenId: nullableString(),
    federatedTokenIssuer: nullableString(),
  })
  .strict()

export const tokenProtectionStatusDetailsSchema = z
  .object({
    signInSessionStatus: z.enum(tokenProtectionStatusValues).nullable(),
    signInSessionStatusCode: z.number().int().nullable(),
  })
  .strict()

export const privateLinkDetailsSchema = z
  .object({
    policyId: nullableString(),
    policyName: nullableString(),
    policyTenantId: nullableString(),
    resourceId: nullableString(),
  })
  .strict()

/** Deprecated by Graph but still declared on beta (§3.1). */
export const mfaDetailSchema = z
  .object({ authMethod: nullableString(), authDetail: nullableString() })
  .strict()

/** `microsoft.graph.agentic.agentSignIn`; `agentType` is the one non-nullable member (§3.2). */
export const agentSignInSchema = z
  .object({
    agentType: z.enum(agentTypeValues),
    agentSubjectType: z.enum(agentTypeValues).nullable(),
    agentSubjectParentId: nullableString(),
    parentAppId: nullableString(),
  })
  .strict()
