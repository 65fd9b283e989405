import { useState } from 'react'
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
})

export interface SignInPanelProps {
  clientId: string
  onSignIn: () => Promise<void>
  onOpenSettings: () => void
}

export function SignInPanel({ clientId, onSignIn, onOpenSettings }: SignInPanelProps) {
  const styles = useStyles()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const signIn = async () => {
    setBusy(true)
    setFailure(null)
    try {
      await onSignIn()
    } catch (error) {
      // MSAL's messages name the cause (popup blocked, cancelled, AADSTS… codes); they carry no token.
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }

  if (!clientId) {
    return (
      <div className={styles.panel}>
        <Text>
          Signing in needs an app registration. Enter its application (client) ID in Settings, or paste an
          access token instead.
        </Text>
        <Button onClick={onOpenSettings}>Open settings</Button>
      </div>
    )
  }
  return (
    <div className={styles.panel}>
      <Text>
        Sign in with a work account that has a reports role (for example Reports Reader) in a tenant with
        Microsoft Entra ID P1 or P2. A Microsoft window opens; the tokens stay in this tab&apos;s memory, so
        after a reload you sign in again.
      </Text>
      <Button
        appearance="primary"
        onClick={() => void signIn()}
        disabled={busy}
        icon={busy ? <Spinner size="tiny" /> : undefined}
      >
        Sign in with Microsoft
      </Button>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>Sign-in did not complete: {failure}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  )
}
