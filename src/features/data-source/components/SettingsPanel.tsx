import { useState } from 'react'
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import {
  defaultGraphBaseUrl,
  validateGraphSettings,
  type GraphSettings,
  type GraphSettingsProblems,
} from '../graph-settings.ts'

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
})

export interface SettingsPanelProps {
  settings: GraphSettings
  onSave: (settings: GraphSettings) => void
}

export function SettingsPanel({ settings, onSave }: SettingsPanelProps) {
  const styles = useStyles()
  const [draft, setDraft] = useState(settings)
  const [problems, setProblems] = useState<GraphSettingsProblems>({})
  const [saved, setSaved] = useState(false)
  const edit = (field: keyof GraphSettings) => (_: unknown, data: { value: string }) => {
    setDraft((d) => ({ ...d, [field]: data.value }))
    setProblems((p) => ({ ...p, [field]: undefined }))
    setSaved(false)
  }
  const save = () => {
    const result = validateGraphSettings(draft)
    setProblems(result.problems)
    if (!result.settings) return
    setDraft(result.settings)
    onSave(result.settings)
    setSaved(true)
  }
  const field = (name: keyof GraphSettings) => ({
    validationMessage: problems[name],
    validationState: problems[name] ? ('error' as const) : ('none' as const),
  })
  const customBase = validateGraphSettings(draft).settings?.graphBaseUrl
  return (
    <div className={styles.panel}>
      <Text>These settings are kept in this browser&apos;s local storage. Tokens never are.</Text>
      <Field
        label="Application (client) ID"
        hint="From the app registration's Overview page"
        {...field('clientId')}
      >
        <Input value={draft.clientId} onChange={edit('clientId')} spellCheck={false} autoComplete="off" />
      </Field>
      <Field
        label="Directory (tenant) ID"
        hint="A GUID or domain; empty = any work or school tenant"
        {...field('tenantId')}
      >
        <Input value={draft.tenantId} onChange={edit('tenantId')} spellCheck={false} autoComplete="off" />
      </Field>
      <Field
        label="Graph base URL"
        hint={`Default ${defaultGraphBaseUrl}; the standalone fake is http://127.0.0.1:4010`}
        {...field('graphBaseUrl')}
      >
        <Input
          value={draft.graphBaseUrl}
          onChange={edit('graphBaseUrl')}
          spellCheck={false}
          autoComplete="off"
          type="url"
        />
      </Field>
      {customBase && customBase !== defaultGraphBaseUrl && (
        <MessageBar intent="info">
          <MessageBarBody>
            Access tokens will be sent to {customBase}. Use only a server you trust.
          </MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" onClick={save}>
          Save settings
        </Button>
      </div>
      <output aria-live="polite">{saved && <Text>Settings saved.</Text>}</output>
    </div>
  )
}
