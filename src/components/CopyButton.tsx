import { useEffect, useRef, useState } from 'react'
import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components'
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons'

const useStyles = makeStyles({
  confirmation: { color: tokens.colorPaletteGreenForeground1, fontSize: tokens.fontSizeBase200 },
  failure: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
})

type CopyResult = 'idle' | 'copied' | 'failed'

/** How long the confirmation stays: long enough to read, short enough that a second copy is confirmed anew. */
const CONFIRMATION_MS = 2000

type CopyButtonProps =
  /** An icon button beside the value it copies; `label` names the value. */
  | { value: string; label: string; children?: never }
  /** A text button that says what it copies: several icon-only buttons side by side would look alike. */
  | { value: string; children: string; label?: never }

/**
 * portal-ui.md §3.3: a button named "Copy to clipboard" (plus what it copies), or by its text, with a
 * visible "Copied" confirmation announced politely.
 */
export function CopyButton({ value, label, children }: CopyButtonProps) {
  const styles = useStyles()
  const [result, setResult] = useState<CopyResult>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const copy = async () => {
    clearTimeout(timer.current)
    try {
      await navigator.clipboard.writeText(value)
      setResult('copied')
    } catch (error) {
      // Clipboard access can be denied (permissions, insecure origin): say so rather than pretend.
      console.warn('Copy to clipboard failed', error)
      setResult('failed')
    }
    timer.current = setTimeout(() => setResult('idle'), CONFIRMATION_MS)
  }

  const icon = result === 'copied' ? <CheckmarkRegular /> : <CopyRegular />
  return (
    <span className={styles.root}>
      {children === undefined ? (
        <Tooltip content={`Copy ${label} to clipboard`} relationship="description" withArrow>
          <Button
            size="small"
            appearance="subtle"
            icon={icon}
            aria-label={`Copy to clipboard: ${label}`}
            onClick={() => void copy()}
          />
        </Tooltip>
      ) : (
        <Button size="small" icon={icon} onClick={() => void copy()}>
          {children}
        </Button>
      )}
      <output className={result === 'failed' ? styles.failure : styles.confirmation}>
        {result === 'copied' ? 'Copied' : result === 'failed' ? 'Copy failed' : ''}
      </output>
    </span>
  )
}
