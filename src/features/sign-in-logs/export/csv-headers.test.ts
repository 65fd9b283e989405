import { betaSignInSchema } from '../../../../contract/sign-in.ts'
import { csvLayouts } from './csv-columns.ts'
import {
  AUTH_DETAILS_HEADER,
  MSI_HEADER_UNVERIFIED,
  SERVICE_PRINCIPAL_SIGN_INS_HEADER,
  USER_SIGN_INS_HEADER,
  headerLabels,
} from './csv-headers.ts'
import { createCsvEncoder } from './encode-csv.ts'
import { makeSignIn } from './test-sign-in.ts'

// Copied once from /work/shared/spec/downloads.md (§2.1 "Raw first line of the file", §2.2, §2.3 "As the
// portal most likely writes it", §2.4). The production constants must equal these bytes.
const SPEC = {
  user: '"Date (UTC)","Request ID","User agent","Correlation ID","User ID","User","Username","User type","Cross tenant access type","Incoming token type","Authentication Protocol","Unique token identifier","Original transfer method","Client credential type","Token Protection - Sign In Session","Token Protection - Sign In Session StatusCode","Application","Application ID ","App owner tenant ID","Resource","Resource ID ","Resource tenant ID","Resource owner tenant ID","Home tenant ID","Home tenant name","IP address","Location","Status","Sign-in error code","Failure reason","Client app","Device ID","Browser","Operating System","Compliant","Managed","Join Type","Multifactor authentication result","Multifactor authentication auth method","Multifactor authentication auth detail","Authentication requirement","Sign-in identifier","Session ID","IP address (seen by resource)","Through Global Secure Access","Global Secure Access IP address","Autonomous system  number","Flagged for review","Token issuer type","Incoming token type","Token issuer name","Latency","Conditional Access","Managed Identity type","Associated Resource Id","Federated Token Id","Federated Token Issuer"',
  authDetails:
    '"Request ID","Date","Authentication method","Authentication method detail","Succeeded","Result detail","Requirement"',
  servicePrincipal:
    '"Date (UTC)","Request ID","Correlation ID","Service principal ID","Service principal name","Credential key ID","Credential thumbprint","Application","Application ID ","App owner tenant ID","Resource","Resource ID ","Resource tenant ID","Resource owner tenant ID","Home tenant ID","Home tenant name","IP address","Location","Status","Sign-in error code","Failure reason","Conditional Access"',
  managedIdentity:
    '"Date (UTC)","Request ID","Correlation ID","Service principal ID","Service principal name","Application","Application ID ","Resource","Resource ID ","Resource tenant ID","IP address","Location","Status","Sign-in error code","Failure reason","Managed Identity type","Associated Resource Id","Federated Token Id","Federated Token Issuer"',
} as const

const bytes = (value: string) => Array.from(new TextEncoder().encode(value))

describe('CSV header rows (downloads.md §2)', () => {
  it.each([
    ['user', USER_SIGN_INS_HEADER, 57],
    ['authDetails', AUTH_DETAILS_HEADER, 7],
    ['servicePrincipal', SERVICE_PRINCIPAL_SIGN_INS_HEADER, 22],
    ['managedIdentity', MSI_HEADER_UNVERIFIED, 19],
  ] as const)('%s header equals the spec byte for byte (%i cells)', (key, header, cellCount) => {
    expect(bytes(header)).toEqual(bytes(SPEC[key]))
    expect(headerLabels(header)).toHaveLength(cellCount)
  })

  it('keeps the user header quirks: trailing spaces, double space, repeated column, odd casing', () => {
    const labels = headerLabels(USER_SIGN_INS_HEADER)
    expect(labels[17]).toBe('Application ID ')
    expect(labels[20]).toBe('Resource ID ')
    expect(labels[46]).toBe('Autonomous system  number')
    expect(labels[9]).toBe('Incoming token type')
    expect(labels[49]).toBe('Incoming token type')
    expect(labels.filter((label) => label === 'Incoming token type')).toHaveLength(2)
    expect(labels[10]).toBe('Authentication Protocol')
    expect(labels[15]).toBe('Token Protection - Sign In Session StatusCode')
  })

  it('header cells contain no quote or comma, so headerLabels is exact', () => {
    for (const { header } of Object.values(csvLayouts)) {
      for (const label of headerLabels(header)) expect(label).not.toMatch(/[",\r\n]/)
    }
  })

  it.each(Object.entries(csvLayouts))('%s column list spells its header exactly', (_key, layout) => {
    expect(layout.columns.map((column) => column.label)).toEqual(headerLabels(layout.header))
  })

  it.each(['user', 'authDetails', 'servicePrincipal', 'managedIdentity'] as const)(
    '%s file starts with the header and CRLF, no BOM by default; BOM only when asked',
    (content) => {
      expect(createCsvEncoder(content).start()).toBe(`${SPEC[content]}\r\n`)
      const withBom = bytes(createCsvEncoder(content, { bom: true }).start())
      expect(withBom.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf])
      expect(withBom.slice(3)).toEqual(bytes(`${SPEC[content]}\r\n`))
    },
  )

  it('the test record is a valid Graph beta sign-in', () => {
    expect(betaSignInSchema.safeParse(makeSignIn()).success).toBe(true)
  })
})
