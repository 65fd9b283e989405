import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { yesNo } from '../../model/display-text.ts'
import { enumText } from '../../model/enum-labels.ts'
import { expirationRequirementLabels, requirementProviderLabels } from '../../model/policy-labels.ts'
import { formatSignInDate, type DateDisplay } from '../format-date.ts'

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
})

/** §3.2 Authentication Details: policies applied, then one row per authentication step. */
export function AuthenticationDetailsSection({ signIn, dates }: { signIn: BetaSignIn; dates: DateDisplay }) {
  const styles = useStyles()
  const policies = signIn.authenticationRequirementPolicies
  const lifetimes = signIn.sessionLifetimePolicies
  return (
    <div className={styles.section}>
      <Text className={styles.heading}>Authentication policies applied</Text>
      {policies.length ? (
        <ul className={styles.list}>
          {policies.map((policy, index) => (
            <li key={index}>
              {[enumText(requirementProviderLabels, policy.requirementProvider), policy.detail]
                .filter(Boolean)
                .join(': ')}
            </li>
          ))}
        </ul>
      ) : (
        <Text className={styles.muted}>None</Text>
      )}
      <Text className={styles.heading}>Session lifetime policies applied</Text>
      {lifetimes.length ? (
        <ul className={styles.list}>
          {lifetimes.map((policy, index) => (
            <li key={index}>
              {[enumText(expirationRequirementLabels, policy.expirationRequirement), policy.detail]
                .filter(Boolean)
                .join(': ')}
            </li>
          ))}
        </ul>
      ) : (
        <Text className={styles.muted}>None</Text>
      )}
      {signIn.authenticationDetails.length === 0 ? (
        <Text className={styles.muted}>No authentication steps were recorded for this sign-in.</Text>
      ) : (
        <Table size="small" aria-label="Authentication steps">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Date</TableHeaderCell>
              <TableHeaderCell>Authentication method</TableHeaderCell>
              <TableHeaderCell>Authentication method detail</TableHeaderCell>
              <TableHeaderCell>Succeeded</TableHeaderCell>
              <TableHeaderCell>Result detail</TableHeaderCell>
              <TableHeaderCell>Requirement</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {signIn.authenticationDetails.map((step, index) => (
              <TableRow key={index}>
                <TableCell>{formatSignInDate(step.authenticationStepDateTime, dates)}</TableCell>
                <TableCell>{step.authenticationMethod ?? ''}</TableCell>
                <TableCell>{step.authenticationMethodDetail ?? ''}</TableCell>
                <TableCell>{yesNo(step.succeeded) ?? ''}</TableCell>
                <TableCell>{step.authenticationStepResultDetail ?? ''}</TableCell>
                <TableCell>{step.authenticationStepRequirement ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  )
}

/** §3.2 Additional Details: key/value pairs from authenticationProcessingDetails. */
export function AdditionalDetailsSection({ signIn }: { signIn: BetaSignIn }) {
  const styles = useStyles()
  const details = signIn.authenticationProcessingDetails
  if (details.length === 0)
    return <Text className={styles.muted}>No additional details for this sign-in.</Text>
  return (
    <Table size="small" aria-label="Additional details">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Value</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {details.map((detail, index) => (
          <TableRow key={`${detail.key ?? ''}-${index}`}>
            <TableCell>{detail.key ?? ''}</TableCell>
            <TableCell>{detail.value ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

/**
 * Microsoft's error-code lookup for one code. The code comes from Graph: encoded as a query value, so a value that
 * is not a plain number cannot add parameters or change where the link goes.
 */
export function errorCodeLookupUrl(code: unknown): string {
  const url = new URL('https://login.microsoftonline.com/error')
  url.searchParams.set('code', String(code))
  return url.href
}

/** §3.4: troubleshooting under a failed or interrupted sign-in. */
export function TroubleshootingSection({ signIn }: { signIn: BetaSignIn }) {
  const styles = useStyles()
  const code = signIn.status.errorCode
  return (
    <div className={styles.section}>
      <Text className={styles.heading}>Troubleshooting and support</Text>
      <Text>
        {'Sign-in error code '}
        <Link href={errorCodeLookupUrl(code)} target="_blank" rel="noreferrer">
          {String(code)}
        </Link>
        {signIn.status.failureReason ? `: ${signIn.status.failureReason}` : ''}
      </Text>
      {/* The diagnostic lives in the admin center (§3.4, [D 17]); the clone links to its guide. */}
      <Link
        href="https://learn.microsoft.com/entra/identity/monitoring-health/howto-use-sign-in-diagnostics"
        target="_blank"
        rel="noreferrer"
      >
        Launch the Sign-in diagnostic
      </Link>
    </div>
  )
}
