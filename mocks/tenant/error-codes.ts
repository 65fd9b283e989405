/**
 * AADSTS codes the fake emits and the app must explain (portal-ui.md §4.2). Meanings are our own
 * short paraphrases (the spec's), used as `status.failureReason`; `status` is the portal's verdict
 * (§4.1: 0 = Success, INTERRUPT_CODES = Interrupted, anything else = Failure).
 */
export type PortalStatus = 'Success' | 'Interrupted' | 'Failure'

export interface ErrorCodeInfo {
  readonly code: number
  readonly status: PortalStatus
  readonly meaning: string
}

const rows: readonly [number, PortalStatus, string][] = [
  [0, 'Success', 'Sign-in succeeded'],
  [16000, 'Interrupted', 'Identity from another IdP or ambiguous account; choose/add as external'],
  [16001, 'Interrupted', 'Chosen account tile rejected; pick another'],
  [16003, 'Interrupted', 'User not added to the resource tenant'],
  [50001, 'Failure', 'Requested resource disabled or unknown'],
  [50011, 'Failure', 'Redirect (reply) URL does not match the app registration'],
  [50020, 'Failure', 'External user does not exist in this tenant'],
  [50034, 'Failure', 'Account not found in the directory (typo or wrong tenant)'],
  [50053, 'Failure', 'Account locked after too many attempts, or sign-in from a malicious IP blocked'],
  [50055, 'Interrupted', 'Password expired'],
  [50056, 'Failure', 'No password stored for the user / invalid or empty password'],
  [50057, 'Failure', 'Account disabled'],
  [50058, 'Interrupted', 'Not signed in; no SSO session (silent request)'],
  [50059, 'Interrupted', 'No tenant information in the request'],
  [50064, 'Failure', 'Credential validation failed'],
  [50072, 'Interrupted', 'User must enrol in MFA'],
  [50074, 'Interrupted', 'MFA required and not yet satisfied'],
  [50076, 'Failure', 'Policy or location change requires MFA; retry interactively'],
  [50078, 'Failure', 'Previous MFA has expired under policy'],
  [50079, 'Failure', 'User must register security info for MFA'],
  [50089, 'Failure', 'Flow token expired; sign in again'],
  [50097, 'Failure', 'Device authentication required'],
  [50105, 'Failure', 'User not assigned to a role of the app'],
  [50125, 'Interrupted', 'Password reset/registration interrupt'],
  [50126, 'Failure', 'Wrong username or password'],
  [50127, 'Interrupted', 'Broker app must be installed'],
  [50129, 'Interrupted', 'Device must be workplace-joined'],
  [50131, 'Failure', 'Conditional Access failure (device state, suspicious activity, policy)'],
  [50132, 'Failure', 'Session invalid after password expiry/change'],
  [50133, 'Failure', 'Session revoked after password change'],
  [50140, 'Interrupted', '"Stay signed in?" (KMSI) interrupt'],
  [50143, 'Interrupted', 'Session does not match domain hint'],
  [50144, 'Interrupted', 'On-premises password expired'],
  [50155, 'Failure', 'Device authentication failed'],
  [50158, 'Failure', 'External security challenge (e.g. third-party MFA) not satisfied'],
  [50173, 'Failure', 'Grant revoked; a fresh sign-in is needed'],
  [50196, 'Failure', 'Client loop detected (app retried the same request too often)'],
  [50199, 'Failure', 'Extra user confirmation required for a native-app redirect (CMSI)'],
  [51004, 'Failure', 'User account not in the directory'],
  [51006, 'Interrupted', 'Windows Integrated Auth claim missing; re-authenticate'],
  [52004, 'Interrupted', 'LinkedIn consent missing'],
  [53000, 'Failure', 'CA requires a compliant device'],
  [53001, 'Failure', 'CA requires a domain-joined device'],
  [53002, 'Failure', 'CA requires an approved client app'],
  [53003, 'Failure', 'Blocked by Conditional Access'],
  [53004, 'Failure', 'MFA registration blocked because of risk'],
  [53011, 'Failure', 'Blocked because of risk in the home tenant'],
  [530032, 'Failure', 'Blocked by a tenant security policy'],
  [530035, 'Failure', 'Blocked by security defaults'],
  [54005, 'Failure', 'Authorization code already redeemed'],
  [65001, 'Interrupted', 'Consent missing for the application'],
  [65004, 'Failure', 'User declined consent'],
  [70000, 'Failure', 'Invalid grant (refresh token not valid)'],
  [70008, 'Failure', 'Refresh token expired through inactivity'],
  [70011, 'Failure', 'Invalid scope requested'],
  [70043, 'Failure', 'Refresh token expired by CA sign-in frequency'],
  [70046, 'Failure', 'Session expired or re-authentication check failed'],
  [
    90025,
    'Failure',
    'Internal retry allowance reached; usually retried automatically, not a tenant throttle',
  ],
  [90072, 'Failure', 'External account not in tenant; MFA cannot be satisfied'],
  [90094, 'Failure', 'Admin consent required'],
  [90095, 'Failure', 'Admin-consent workflow: user told to ask an admin'],
  [500011, 'Failure', 'Resource service principal not found in tenant'],
  [500121, 'Failure', 'User did not complete the MFA prompt'],
  [500133, 'Failure', 'Assertion outside its valid time range'],
  [700016, 'Failure', 'Application not found in the tenant'],
  [700082, 'Failure', 'Refresh token expired after inactivity'],
  [7000215, 'Failure', 'Invalid client secret'],
  [7000222, 'Failure', 'Client secret expired'],
  [75011, 'Failure', 'SAML: authentication method does not match the requested one'],
  [81010, 'Interrupted', 'Seamless SSO Kerberos ticket invalid/expired'],
  [81012, 'Interrupted', 'Device user differs from signing-in user'],
  [81014, 'Interrupted', 'Desktop SSO token expired'],
  [1002016, 'Failure', 'TLS 1.0/1.1 or 3DES used; deprecated'],
]

export const errorCodes: ReadonlyMap<number, ErrorCodeInfo> = new Map(
  rows.map(([code, status, meaning]) => [code, { code, status, meaning }]),
)

/** §4.1: the codes the portal shows as "Interrupted" (Microsoft's Sign-ins workbook list). */
export const interruptCodes: ReadonlySet<number> = new Set(
  rows.filter(([, status]) => status === 'Interrupted').map(([code]) => code),
)

export function portalStatusOf(errorCode: number): PortalStatus {
  if (errorCode === 0) return 'Success'
  return interruptCodes.has(errorCode) ? 'Interrupted' : 'Failure'
}

/** `failureReason` text: Graph writes "Other." for successes (§4.1). */
export function failureReasonOf(errorCode: number): string {
  if (errorCode === 0) return 'Other.'
  return errorCodes.get(errorCode)?.meaning ?? 'Unknown error.'
}

/**
 * Mock distribution per category (our choice, portal-ui.md §4.2 "Useful mock distribution"):
 * weights in per-mille, the remainder is success (code 0).
 */
export const failureMix: Readonly<
  Record<
    'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity',
    readonly [number, number][]
  >
> = {
  interactiveUser: [
    [50126, 30],
    [50074, 25],
    [50140, 22],
    [500121, 9],
    [50076, 8],
    [53003, 7],
    [50058, 5],
    [65001, 3],
    [50053, 3],
    [53000, 3],
    [16000, 2],
    [50072, 2],
    [50055, 1],
    [50057, 1],
    [50034, 1],
    [90095, 1],
  ],
  nonInteractiveUser: [
    [50058, 22],
    [70008, 14],
    [700082, 10],
    [50076, 9],
    [50173, 6],
    [50133, 5],
    [53003, 5],
    [70043, 4],
    [65001, 4],
    [50089, 3],
    [50078, 3],
    [90025, 2],
    [81010, 2],
  ],
  servicePrincipal: [
    [7000215, 30],
    [7000222, 14],
    [700016, 8],
    [70011, 6],
    [500011, 5],
    [53003, 4],
    [500133, 3],
  ],
  managedIdentity: [
    [500011, 6],
    [70011, 4],
  ],
}
