import { useEffect, useRef, useState } from 'react'
import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components'
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons'

const useStyles = makeStyles({
  confirmation: { color: tokens.colorPaletteGreenForeground1, fontSize: tokens.fontSizeBase200 },
  failure: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
})

type CopyResult = 'idle' | 'copied' | 'failed'

/**
 * portal-ui.md §3.3: an icon button named "Copy to clipboard" (plus what it copies) with a visible
 * "Copied" confirmation announced politely.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
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
    timer.current = setTimeout(() => setResult('idle'), 2000)
  }

  return (
    <span className={styles.root}>
      <Tooltip content={`Copy ${label} to clipboard`} relationship="description" withArrow>
        <Button
          size="small"
          appearance="subtle"
          icon={result === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
          aria-label={`Copy to clipboard: ${label}`}
          onClick={() => void copy()}
        />
      </Tooltip>
      <output className={result === 'failed' ? styles.failure : styles.confirmation}>
        {result === 'copied' ? 'Copied' : result === 'failed' ? 'Copy failed' : ''}
      </output>
    </span>
  )
}
