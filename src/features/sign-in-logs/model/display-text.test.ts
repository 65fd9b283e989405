import Papa from 'papaparse'
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { basicInfoFields, deviceFields, locationFields } from '../components/details/detail-fields.ts'
import { createCsvEncoder } from '../export/encode-csv.ts'
import { makeSignIn } from '../export/test-sign-in.ts'
import { groupedColumnsByTab, interactiveColumnCatalogue } from './columns.ts'
import { isCaeToken, signInText, summaryText } from './display-text.ts'

const guest = makeSignIn({
  userType: 'guest',
  crossTenantAccessType: 'b2bCollaboration,passthrough',
  incomingTokenType: 'primaryRefreshToken',
  authenticationProtocol: 'deviceCode',
  tokenIssuerType: 'ADFederationServices',
  clientCredentialType: 'clientSecret',
  originalTransferMethod: 'deviceCodeFlow',
  authenticationRequirement: 'multiFactorAuthentication',
  conditionalAccessStatus: 'success',
  tokenProtectionStatusDetails: { signInSessionStatus: 'bound', signInSessionStatusCode: 1003 },
  managedServiceIdentity: {
    msiType: 'userAssigned',
    associatedResourceId: null,
    federatedTokenId: null,
    federatedTokenIssuer: null,
  },
  authenticationProcessingDetails: [{ key: 'Is CAE Token', value: 'True' }],
  status: { errorCode: 50126, failureReason: 'Invalid password', additionalDetails: 'Wrong password' },
  flaggedForReview: true,
})
const member = makeSignIn()

const gridCells = (signIn: BetaSignIn) =>
  new Map(interactiveColumnCatalogue.map((column) => [column.label, column.value(signIn)]))

const detailValues = (signIn: BetaSignIn) =>
  new Map(
    [...basicInfoFields(signIn, 'interactive'), ...locationFields(signIn), ...deviceFields(signIn)].map(
      (field) => [field.label, field.value],
    ),
  )

function csvCells(signIn: BetaSignIn): Map<string, string> {
  const encoder = createCsvEncoder('user')
  const parsed = Papa.parse<string[]>(encoder.start() + encoder.encode([signIn]), { newline: '\r\n' })
  const [header, row] = parsed.data
  // The portal's header has stray spaces (`Application ID `, `Autonomous system  number`).
  return new Map(header!.map((label, index) => [label.trim().replace(/\s+/g, ' '), row![index]!]))
}

/** The CSV's own formats (downloads.md §4): how the screen's text of these columns is written to the file. */
const csvFormatOf: Record<string, (screen: string | null, signIn: BetaSignIn) => string> = {
  Date: () => '',
  Compliant: (screen) => (screen === null ? '' : String(screen === 'Yes')),
  Managed: (screen) => (screen === null ? '' : String(screen === 'Yes')),
  'Flagged for review': (screen) => (screen === null ? '' : String(screen === 'Yes')),
  'Through Global Secure Access': (screen) => (screen === null ? '' : String(screen === 'Yes')),
  Latency: (screen) => screen?.replace(' ms', 'ms') ?? '',
  'Sign-in error code': (screen) => (screen === '0' ? '' : (screen ?? '')),
  // The CSV's User column is the display name only (downloads.md §2.1).
  User: (_screen, signIn) => signIn.userDisplayName ?? '',
}

describe.each([
  ['a member sign-in', member],
  ['a B2B guest sign-in with non-default enums', guest],
])('%s', (_name, signIn) => {
  const grid = gridCells(signIn)
  const details = detailValues(signIn)
  const csv = csvCells(signIn)

  test('the details pane shows what the grid shows, field by field', () => {
    const shared = [...details.keys()].filter((label) => grid.has(label) && label !== 'Date')
    expect(shared.length).toBeGreaterThan(30)
    for (const label of shared) {
      // Basic info writes Token Protection as one line with its status code (portal-ui.md §3.2).
      if (label === 'Token Protection - Sign In Session') continue
      expect(details.get(label), label).toBe(grid.get(label))
    }
  })

  test('the CSV writes what the grid shows, in the CSV formats downloads.md sets', () => {
    const shared = [...csv.keys()].filter((label) => grid.has(label) && label !== 'Date')
    expect(shared.length).toBeGreaterThan(40)
    for (const label of shared) {
      const screen = grid.get(label) ?? null
      const expected = csvFormatOf[label]?.(screen, signIn) ?? screen ?? ''
      expect(csv.get(label), label).toBe(expected)
    }
    expect(csv.get('Token Protection - Sign In Session StatusCode')).toBe(
      grid.get('Token Protection – Sign-in session status code') ?? '',
    )
  })

  test('no raw Graph enum name reaches the grid, the details pane or the CSV', () => {
    const raw = [
      signIn.userType,
      signIn.crossTenantAccessType,
      ...signIn.crossTenantAccessType!.split(','),
      signIn.incomingTokenType,
      signIn.authenticationProtocol,
      signIn.tokenIssuerType,
      signIn.clientCredentialType,
      signIn.originalTransferMethod,
      signIn.authenticationRequirement,
      signIn.conditionalAccessStatus,
      signIn.tokenProtectionStatusDetails?.signInSessionStatus,
      signIn.managedServiceIdentity?.msiType,
    ]
    const shown = [...grid.values(), ...details.values(), ...csv.values()]
    for (const value of raw) expect(shown, String(value)).not.toContain(value)
  })
})

test('the guest reads as the portal words it', () => {
  const grid = gridCells(guest)
  expect(grid.get('User type')).toBe('Guest')
  expect(grid.get('Cross tenant access type')).toBe('B2B collaboration, Passthrough')
  expect(grid.get('Incoming token type')).toBe('Primary refresh token')
  expect(grid.get('Authentication Protocol')).toBe('Device code')
  expect(grid.get('Token issuer type')).toBe('AD Federation Services')
  expect(grid.get('Client credential type')).toBe('Client secret')
  expect(grid.get('Original transfer method')).toBe('Device code flow')
  expect(grid.get('Continuous access evaluation')).toBe('Yes')
  expect(detailValues(guest).get('Token Protection - Sign In Session')).toBe('Bound (Status code: 1003)')
  expect(detailValues(member).get('User type')).toBe('Member')
  expect(detailValues(member).get('Cross tenant access type')).toBe('None')
})

describe('isCaeToken: the one reading of "Is CAE Token"', () => {
  const withDetail = (key: string | null, value: string | null) =>
    makeSignIn({
      authenticationProcessingDetails: [
        { key: 'Root Key Type', value: 'x' },
        { key, value },
      ],
    })

  test.each([
    ['Is CAE Token', 'True', true],
    ['is cae token', 'true', true],
    [' Is CAE Token ', ' FALSE ', false],
    ['Is CAE Token', 'False', false],
    ['Is CAE Token', 'maybe', null],
    ['Is CAE Token', null, null],
    ['Legacy TLS', 'True', null],
  ] as const)('%j = %j is %j', (key, value, expected) => {
    expect(isCaeToken(withDetail(key, value))).toBe(expected)
  })

  test('grid and details show the same Yes/No/blank from it', () => {
    for (const [value, shown] of [
      ['True', 'Yes'],
      ['False', 'No'],
      [null, null],
    ] as const) {
      const signIn = withDetail('Is CAE Token', value)
      expect(gridCells(signIn).get('Continuous access evaluation')).toBe(shown)
      expect(detailValues(signIn).get('Continuous access evaluation')).toBe(shown)
      expect(signInText.continuousAccessEvaluation(signIn)).toBe(shown)
    }
  })
})

test('group rows show display text too, and children the same text as the interactive grid', () => {
  const summary = {
    userPrincipalName: 'adelev@contoso.example',
    appDisplayName: 'Microsoft Teams',
    status: { errorCode: 50140, failureReason: null, additionalDetails: null },
    conditionalAccessStatus: 'notApplied',
    tokenIssuerType: 'AzureAD',
    managedServiceIdentity: { msiType: 'systemAssigned' },
    signInCount: 12,
  } as unknown as SummarizedSignIn
  expect(summaryText.status(summary)).toBe('Interrupted')
  expect(summaryText.conditionalAccessStatus(summary)).toBe('Not Applied')
  expect(summaryText.tokenIssuerType(summary)).toBe('Azure AD')
  expect(summaryText.msiType(summary)).toBe('System assigned')
  const grid = gridCells(guest)
  for (const column of groupedColumnsByTab['non-interactive']) {
    const flat = interactiveColumnCatalogue.find((candidate) => candidate.label === column.label)
    if (flat && column.kind !== 'date')
      expect(column.signInValue(guest), column.label).toBe(grid.get(flat.label))
  }
})
