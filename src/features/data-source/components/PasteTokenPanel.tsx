import { useState } from 'react'
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { tokenValidity, tokenWarnings } from '../../../lib/auth/access-token-claims.ts'
import { holdPastedToken, type PastedToken } from '../../../lib/auth/pasted-token.ts'
import { describeTokenExpiry } from '../format-token-expiry.ts'
import { useNow } from '../use-now.ts'

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  token: { fontFamily: tokens.fontFamilyMonospace },
  claims: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
  },
  code: { fontFamily: tokens.fontFamilyMonospace },
})

export interface PasteTokenPanelProps {
  onToken: (token: PastedToken) => void
}

/**
 * The token is typed into a controlled textarea (React state, memory only) and handed over as a closure
 * (holdPastedToken). spellCheck and autoComplete are off so the browser neither sends it to a spelling service
 * nor offers to remember it.
 */
export function PasteTokenPanel({ onToken }: PasteTokenPanelProps) {
  const styles = useStyles()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const now = useNow(15_000)
  const result = text.trim() ? holdPastedToken(text) : null
  const description = result?.ok ? result.token.description : null
  const warnings = description ? tokenWarnings(description) : []

  const use = () => {
    const held = holdPastedToken(text)
    if (!held.ok) return setProblem(held.problem)
    setText('')
    setProblem(null)
    onToken(held.token)
  }

  return (
    <div className={styles.panel}>
      <Text>
        Paste an access token for Microsoft Graph. It stays in this tab&apos;s memory only: it is never saved,
        and reloading the page forgets it. For example:{' '}
        <code className={styles.code}>
          az account get-access-token --resource-type ms-graph --query accessToken -o tsv
        </code>
      </Text>
      <Field
        label="Access token"
        validationMessage={problem ?? undefined}
        validationState={problem ? 'error' : 'none'}
      >
        <Textarea
          className={styles.token}
          value={text}
          onChange={(_, data) => {
            setText(data.value)
            setProblem(null)
          }}
          resize="vertical"
          rows={4}
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
        />
      </Field>
      {description?.kind === 'jwt' && (
        <dl className={styles.claims} aria-label="Token details">
          <dt>Expiry</dt>
          <dd>{describeTokenExpiry(tokenValidity(description, now))}</dd>
          <dt>Audience</dt>
          <dd>{description.audience ?? 'not stated'}</dd>
          <dt>{description.principalKind === 'app' ? 'App' : 'User'}</dt>
          <dd>{description.principal ?? 'not stated'}</dd>
          <dt>Tenant</dt>
          <dd>{description.tenantId ?? 'not stated'}</dd>
        </dl>
      )}
      {description?.kind === 'opaque' && (
        <Text>Not a readable JWT: expiry unknown. Microsoft Graph will decide.</Text>
      )}
      {warnings.map((warning) => (
        <MessageBar key={warning} intent="warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
      <div>
        <Button appearance="primary" onClick={use} disabled={!text.trim()}>
          Use this token
        </Button>
      </div>
    </div>
  )
}
