import type { ReactNode } from 'react'
import { Text, makeStyles, tokens } from '@fluentui/react-components'

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  title: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
})

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  const styles = useStyles()
  return (
    <output className={styles.root}>
      <Text className={styles.title}>{title}</Text>
      {children}
    </output>
  )
}
