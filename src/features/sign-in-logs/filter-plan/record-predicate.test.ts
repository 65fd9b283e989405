import { makeSignIn } from '../export/test-sign-in.ts'
import type { FilterPill } from '../model/filter-fields.ts'
import { tabById } from '../model/tabs.ts'
import { planFilters } from './plan.ts'

/** The plan's predicate on loaded records of the interactive tab (what Graph's $filter cannot carry). */
const clientSideFilter = (pills: FilterPill[]) => planFilters(tabById('interactive'), pills).signIns.keep
const keeps = (pills: FilterPill[], overrides: Parameters<typeof makeSignIn>[0]) =>
  clientSideFilter(pills)(makeSignIn(overrides))

test('no client-side pills keep everything; pills Graph applied are not re-checked', () => {
  expect(clientSideFilter([])(makeSignIn())).toBe(true)
  // Graph already applied these; a row that "fails" them locally (e.g. collapsed casing) is kept.
  expect(
    keeps(
      [
        { field: 'user', values: ['nobody'] },
        { field: 'status', values: ['Success'] },
      ],
      { status: { errorCode: 50126, failureReason: null, additionalDetails: null } },
    ),
  ).toBe(true)
})

test('Status Failure keeps failures only, by the §4 rule', () => {
  const failure = [{ field: 'status' as const, values: ['Failure'] }]
  const status = (errorCode: number) => ({
    status: { errorCode, failureReason: null, additionalDetails: null },
  })
  expect(keeps(failure, status(50126))).toBe(true)
  expect(keeps(failure, status(50074))).toBe(false)
  expect(keeps(failure, status(0))).toBe(false)
})

test('flags enums match any member; evolvable members also match unknownFutureValue (no Prefer header)', () => {
  const b2b = [{ field: 'crossTenantAccessType' as const, values: ['b2bCollaboration'] }]
  expect(keeps(b2b, { crossTenantAccessType: 'b2bCollaboration,passthrough' })).toBe(true)
  expect(keeps(b2b, { crossTenantAccessType: 'none' })).toBe(false)
  const passthrough = [{ field: 'crossTenantAccessType' as const, values: ['passthrough'] }]
  expect(keeps(passthrough, { crossTenantAccessType: 'unknownFutureValue' })).toBe(true)
  expect(keeps(b2b, { crossTenantAccessType: 'unknownFutureValue' })).toBe(false)
  const backup = [{ field: 'tokenIssuerType' as const, values: ['AzureADBackupAuth'] }]
  expect(keeps(backup, { tokenIssuerType: 'UnknownFutureValue' })).toBe(true)
  expect(
    keeps([{ field: 'tokenIssuerType', values: ['AzureAD'] }], { tokenIssuerType: 'ADFederationServices' }),
  ).toBe(false)
  expect(
    keeps([{ field: 'authenticationProtocol', values: ['deviceCode'] }], { authenticationProtocol: null }),
  ).toBe(false)
})

test('bool, id and text fields', () => {
  const cae = [{ field: 'isCaeToken' as const, values: ['true'] }]
  expect(keeps(cae, { authenticationProcessingDetails: [{ key: 'Is CAE Token', value: 'True' }] })).toBe(true)
  expect(keeps(cae, { authenticationProcessingDetails: [] })).toBe(false)
  expect(keeps([{ field: 'isCaeToken', values: ['false'] }], { authenticationProcessingDetails: [] })).toBe(
    true,
  )
  expect(keeps([{ field: 'flaggedForReview', values: ['true'] }], { flaggedForReview: true })).toBe(true)
  expect(keeps([{ field: 'flaggedForReview', values: ['true'] }], { flaggedForReview: null })).toBe(false)
  expect(keeps([{ field: 'homeTenantId', values: ['ABC'] }], { homeTenantId: 'abc' })).toBe(true)
  expect(
    keeps([{ field: 'signInIdentifier', values: ['ade'] }], { signInIdentifier: 'Adele@contoso.com' }),
  ).toBe(true)
  expect(keeps([{ field: 'userType', values: ['guest'] }], { userType: 'member' })).toBe(false)
  expect(
    keeps([{ field: 'managedIdentityType', values: ['userAssigned'] }], {
      managedServiceIdentity: {
        msiType: 'userAssigned',
        associatedResourceId: null,
        federatedTokenId: null,
        federatedTokenIssuer: null,
      },
    }),
  ).toBe(true)
  expect(
    keeps([{ field: 'tokenProtectionStatusCode', values: ['1003'] }], {
      tokenProtectionStatusDetails: { signInSessionStatus: 'unbound', signInSessionStatusCode: 1003 },
    }),
  ).toBe(true)
})

test('several pills must all match', () => {
  const pills: FilterPill[] = [
    { field: 'userType', values: ['guest'] },
    { field: 'status', values: ['Failure'] },
  ]
  expect(
    keeps(pills, {
      userType: 'guest',
      status: { errorCode: 50126, failureReason: null, additionalDetails: null },
    }),
  ).toBe(true)
  expect(
    keeps(pills, {
      userType: 'guest',
      status: { errorCode: 0, failureReason: null, additionalDetails: null },
    }),
  ).toBe(false)
})
