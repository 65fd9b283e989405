/**
 * The portal's CSV header rows, byte for byte (downloads.md §2). Each constant is the raw first line
 * of the file as the spec quotes it, quirks included — do not "fix" them, tools compare this line
 * character for character (§2, [T 7]):
 * - `"Application ID "` and `"Resource ID "` end with a space inside the quotes;
 * - `"Autonomous system  number"` has two spaces;
 * - `"Incoming token type"` appears twice (columns 10 and 50) in the user header;
 * - `"Authentication Protocol"`, `"Token Protection - Sign In Session StatusCode"`, `"Operating System"`,
 *   `"Join Type"` and the `…Id` managed-identity labels keep the portal's odd casing.
 */

/** §2.1: interactive and non-interactive user sign-ins share this 57-column header (verified 2025-01 → 2026-04). */
export const USER_SIGN_INS_HEADER =
  '"Date (UTC)","Request ID","User agent","Correlation ID","User ID","User","Username","User type","Cross tenant access type","Incoming token type","Authentication Protocol","Unique token identifier","Original transfer method","Client credential type","Token Protection - Sign In Session","Token Protection - Sign In Session StatusCode","Application","Application ID ","App owner tenant ID","Resource","Resource ID ","Resource tenant ID","Resource owner tenant ID","Home tenant ID","Home tenant name","IP address","Location","Status","Sign-in error code","Failure reason","Client app","Device ID","Browser","Operating System","Compliant","Managed","Join Type","Multifactor authentication result","Multifactor authentication auth method","Multifactor authentication auth detail","Authentication requirement","Sign-in identifier","Session ID","IP address (seen by resource)","Through Global Secure Access","Global Secure Access IP address","Autonomous system  number","Flagged for review","Token issuer type","Incoming token type","Token issuer name","Latency","Conditional Access","Managed Identity type","Associated Resource Id","Federated Token Id","Federated Token Issuer"'

/**
 * §2.2: the `…_AuthDetails_…csv` files. Best reconstruction — the column ORDER and the last column
 * (`Requirement`) are unverified [U]; the names Request ID, Date, Authentication method,
 * Authentication method detail, Succeeded and Result detail are evidenced [T 14, T 23].
 */
export const AUTH_DETAILS_HEADER =
  '"Request ID","Date","Authentication method","Authentication method detail","Succeeded","Result detail","Requirement"'

/** §2.3: service principal file (`ApplicationSignIns_…csv`), 22 columns, quoted like the user file [U for the quotes]. */
export const SERVICE_PRINCIPAL_SIGN_INS_HEADER =
  '"Date (UTC)","Request ID","Correlation ID","Service principal ID","Service principal name","Credential key ID","Credential thumbprint","Application","Application ID ","App owner tenant ID","Resource","Resource ID ","Resource tenant ID","Resource owner tenant ID","Home tenant ID","Home tenant name","IP address","Location","Status","Sign-in error code","Failure reason","Conditional Access"'

/**
 * §2.4: managed identity file (`MSISignIns_…csv`). NOT verified: no public copy of the real header
 * was found; this is the spec's reconstruction, kept under a name that says so.
 */
export const MSI_HEADER_UNVERIFIED =
  '"Date (UTC)","Request ID","Correlation ID","Service principal ID","Service principal name","Application","Application ID ","Resource","Resource ID ","Resource tenant ID","IP address","Location","Status","Sign-in error code","Failure reason","Managed Identity type","Associated Resource Id","Federated Token Id","Federated Token Issuer"'

/**
 * The labels of a header line, in order. Header cells never contain `"` or `,` (checked by the tests),
 * so splitting on `","` is exact.
 */
export function headerLabels(headerLine: string): string[] {
  return headerLine.slice(1, -1).split('","')
}
