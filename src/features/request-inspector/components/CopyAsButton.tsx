import { useEffect, useRef, useState } from 'react'
import { Button, makeStyles, tokens } from '@fluentui/react-components'
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons'

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  copied: { color: tokens.colorPaletteGreenForeground1, fontSize: tokens.fontSizeBase200 },
  failed: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
})

/**
 * A copy button whose text says what it copies: three icon-only buttons side by side would look alike.
 * The result is announced politely, like the app's CopyButton.
 */
export function CopyAsButton({ value, children }: { value: string; children: string }) {
  const styles = useStyles()
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle')
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
      <Button
        size="small"
        icon={result === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
        onClick={() => void copy()}
      >
        {children}
      </Button>
      <output className={result === 'failed' ? styles.failed : styles.copied}>
        {result === 'copied' ? 'Copied' : result === 'failed' ? 'Copy failed' : ''}
      </output>
    </span>
  )
}
