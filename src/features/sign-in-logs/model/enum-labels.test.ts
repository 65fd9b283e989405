import {
  appliedConditionalAccessPolicyResultValues,
  authenticationStrengthResultValues,
  clientCredentialTypeValues,
  conditionalAccessConditionsValues,
  conditionalAccessRuleValues,
  conditionalAccessStatusValues,
  expirationRequirementValues,
  incomingTokenTypeValues,
  msiTypeValues,
  originalTransferMethodsValues,
  protocolTypeValues,
  requirementProviderValues,
  signInAccessTypeValues,
  signInUserTypeValues,
  tokenIssuerTypeValues,
  tokenProtectionStatusValues,
} from '../../../../contract/enum-values.ts'
import {
  authenticationRequirementLabels,
  clientCredentialTypeLabels,
  conditionalAccessStatusLabels,
  enumText,
  humanise,
  incomingTokenTypeLabels,
  msiTypeLabels,
  originalTransferMethodLabels,
  protocolTypeLabels,
  signInAccessTypeLabels,
  signInUserTypeLabels,
  tokenIssuerTypeLabels,
  tokenProtectionStatusLabels,
} from './enum-labels.ts'
import { filterFieldsFor } from './filter-fields.ts'
import {
  authenticationStrengthResultLabels,
  conditionalAccessConditionLabels,
  conditionalAccessRuleLabels,
  expirationRequirementLabels,
  policyResultLabels,
  requirementProviderLabels,
} from './policy-labels.ts'

/** Every enum the page displays, with Graph's member list (contract/enum-values.ts) and its labels. */
const displayedEnums: [string, readonly string[], Readonly<Record<string, string>>][] = [
  ['conditionalAccessStatus', conditionalAccessStatusValues, conditionalAccessStatusLabels],
  ['appliedConditionalAccessPolicyResult', appliedConditionalAccessPolicyResultValues, policyResultLabels],
  ['signInUserType', signInUserTypeValues, signInUserTypeLabels],
  ['signInAccessType', signInAccessTypeValues, signInAccessTypeLabels],
  ['incomingTokenType', incomingTokenTypeValues, incomingTokenTypeLabels],
  ['protocolType', protocolTypeValues, protocolTypeLabels],
  ['tokenIssuerType', tokenIssuerTypeValues, tokenIssuerTypeLabels],
  ['clientCredentialType', clientCredentialTypeValues, clientCredentialTypeLabels],
  ['originalTransferMethods', originalTransferMethodsValues, originalTransferMethodLabels],
  ['tokenProtectionStatus', tokenProtectionStatusValues, tokenProtectionStatusLabels],
  ['msiType', msiTypeValues, msiTypeLabels],
  [
    'authenticationRequirement',
    ['singleFactorAuthentication', 'multiFactorAuthentication'],
    authenticationRequirementLabels,
  ],
  ['conditionalAccessConditions', conditionalAccessConditionsValues, conditionalAccessConditionLabels],
  ['conditionalAccessRule', conditionalAccessRuleValues, conditionalAccessRuleLabels],
  ['authenticationStrengthResult', authenticationStrengthResultValues, authenticationStrengthResultLabels],
  ['requirementProvider', requirementProviderValues, requirementProviderLabels],
  ['expirationRequirement', expirationRequirementValues, expirationRequirementLabels],
]

/** Reads like a Graph identifier rather than words: a lower-case start or an internal camel hump. */
const looksRaw = (label: string) => /^[a-z]/.test(label) || /[a-z][A-Z]/.test(label)

describe.each(displayedEnums)('%s', (_name, members, labels) => {
  test.each([...members])('%s has its own display text', (member) => {
    expect(Object.hasOwn(labels, member)).toBe(true)
    const label = enumText(labels, member)
    expect(label).not.toBe(member)
    expect(label).toBeTruthy()
    expect(looksRaw(label!), `${member} → ${label}`).toBe(false)
  })

  test('labels no member that Graph does not have', () => {
    expect(Object.keys(labels).sort()).toEqual([...members].sort())
  })
})

test('the portal wording where the spec gives it', () => {
  expect(enumText(signInUserTypeLabels, 'member')).toBe('Member')
  expect(enumText(signInAccessTypeLabels, 'none')).toBe('None')
  expect(enumText(signInAccessTypeLabels, 'b2bCollaboration')).toBe('B2B collaboration')
  expect(enumText(incomingTokenTypeLabels, 'primaryRefreshToken')).toBe('Primary refresh token')
  expect(enumText(authenticationRequirementLabels, 'multiFactorAuthentication')).toBe(
    'Multifactor authentication',
  )
  expect(enumText(conditionalAccessStatusLabels, 'notApplied')).toBe('Not Applied')
  expect(enumText(policyResultLabels, 'notEnabled')).toBe('Disabled')
  expect(enumText(tokenIssuerTypeLabels, 'AzureAD')).toBe('Azure AD')
})

test('flags values list every member as display text', () => {
  expect(enumText(signInAccessTypeLabels, 'b2bCollaboration,passthrough')).toBe(
    'B2B collaboration, Passthrough',
  )
  expect(enumText(conditionalAccessConditionLabels, 'application, users')).toBe('Application, Users')
})

test('values Graph has not declared yet read as words, never raw', () => {
  expect(enumText(signInUserTypeLabels, 'externalAgentIdentity')).toBe('External agent identity')
  expect(enumText(tokenIssuerTypeLabels, 'EntraExternalIDProvider')).toBe('Entra external ID provider')
  expect(enumText(protocolTypeLabels, 'oAuth2,someNewGrant')).toBe('OAuth2, Some new grant')
})

test('another casing of a known member finds its label; text that is already words is kept', () => {
  // Published records carry `MultifactorAuthentication` and `Primary Refresh Token` (fixtures README).
  expect(enumText(authenticationRequirementLabels, 'MultifactorAuthentication')).toBe(
    'Multifactor authentication',
  )
  expect(enumText(incomingTokenTypeLabels, 'Primary Refresh Token')).toBe('Primary Refresh Token')
})

test('empty values are no value', () => {
  expect(enumText(signInUserTypeLabels, null)).toBeNull()
  expect(enumText(signInUserTypeLabels, undefined)).toBeNull()
  expect(enumText(signInUserTypeLabels, '')).toBeNull()
  expect(enumText(signInAccessTypeLabels, ' , ')).toBeNull()
})

test('humanise keeps acronyms and lower-cases the other words', () => {
  expect(humanise('unknownFutureValue')).toBe('Unknown future value')
  expect(humanise('ADFederationServicesMFAAdapter')).toBe('AD federation services MFA adapter')
  expect(humanise('toString')).toBe('To string')
})

test('a member named like an Object.prototype property is humanised, not looked up on the prototype', () => {
  expect(enumText(signInUserTypeLabels, 'constructor')).toBe('Constructor')
})

test('no filter choice is labelled with a Graph member name', () => {
  for (const set of ['user', 'servicePrincipal', 'managedIdentity'] as const) {
    for (const field of filterFieldsFor(set)) {
      // Graph member names are one token (`b2bCollaboration`, `AzureAD`); product names such as
      // "Exchange ActiveSync" are already display text.
      const enumChoices = (field.choices ?? []).filter((choice) => !/\s/.test(choice.value))
      for (const choice of enumChoices) {
        expect(looksRaw(choice.label), `${field.label}: ${choice.label}`).toBe(false)
      }
    }
  }
})
