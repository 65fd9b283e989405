import { Button, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components'
import { tokenValidity } from '../../../lib/auth/access-token-claims.ts'
import { describeTokenExpiry } from '../format-token-expiry.ts'
import type { GraphConnection } from '../graph-connection.ts'

const useStyles = makeStyles({
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  // The header is one line in the portal: the long description is cut visually, kept whole for screen readers
  // (textContent) and in the tooltip.
  text: { maxWidth: '200px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
})

export interface ConnectionStatusProps {
  connection: GraphConnection
  baseUrl: string
  now: Date
  onSettings: () => void
  onSignOut: () => void
}

export function ConnectionStatus({ connection, baseUrl, now, onSettings, onSignOut }: ConnectionStatusProps) {
  const styles = useStyles()
  // Settings opens the connect dialog; focus comes back here when it closes.
  const restoreFocusHere = useRestoreFocusTarget()
  const who = connection.credential.principal
  const how =
    connection.pasted !== null
      ? `Pasted token${who ? ` for ${who}` : ''} · ${describeTokenExpiry(tokenValidity(connection.pasted.description, now))}`
      : `Signed in as ${who ?? 'unknown account'} · tokens renew automatically`
  return (
    <div className={styles.status}>
      <Text
        size={200}
        aria-label="Microsoft Graph connection"
        className={styles.text}
        title={`${how} · ${baseUrl}`}
      >
        {how} · {baseUrl}
      </Text>
      <Button {...restoreFocusHere} size="small" onClick={onSettings}>
        Connection
      </Button>
      <Button size="small" onClick={onSignOut}>
        Sign out
      </Button>
    </div>
  )
}
