import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import type { PastedToken } from '../../../lib/auth/pasted-token.ts'
import type { GraphSettings } from '../graph-settings.ts'
import { PasteTokenPanel } from './PasteTokenPanel.tsx'
import { SettingsPanel } from './SettingsPanel.tsx'
import { SignInPanel } from './SignInPanel.tsx'

export type ConnectTab = 'sign-in' | 'paste' | 'settings'

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
  tabs: { marginBottom: tokens.spacingVerticalM },
})

export interface ConnectDialogProps {
  tab: ConnectTab | null
  onTabChange: (tab: ConnectTab) => void
  onClose: () => void
  settings: GraphSettings
  onSaveSettings: (settings: GraphSettings) => void
  onSignIn: () => Promise<void>
  onToken: (token: PastedToken) => void
}

/** One dialog, three ways in: sign in (MSAL), paste a token, connection settings. */
export function ConnectDialog(props: ConnectDialogProps) {
  const styles = useStyles()
  const { tab } = props
  return (
    <Dialog open={tab !== null} onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Connect to Microsoft Graph</DialogTitle>
          <DialogContent>
            <TabList
              className={styles.tabs}
              selectedValue={tab ?? 'sign-in'}
              onTabSelect={(_, data) => props.onTabChange(data.value as ConnectTab)}
            >
              <Tab value="sign-in">Sign in</Tab>
              <Tab value="paste">Paste a token</Tab>
              <Tab value="settings">Settings</Tab>
            </TabList>
            {tab === 'sign-in' && (
              <SignInPanel
                clientId={props.settings.clientId}
                onSignIn={props.onSignIn}
                onOpenSettings={() => props.onTabChange('settings')}
              />
            )}
            {tab === 'paste' && <PasteTokenPanel onToken={props.onToken} />}
            {tab === 'settings' && <SettingsPanel settings={props.settings} onSave={props.onSaveSettings} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  )
}
