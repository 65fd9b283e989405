import type { ReactNode } from 'react'
import { Text, makeStyles, tokens } from '@fluentui/react-components'

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    minHeight: '48px',
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexWrap: 'wrap',
    // The page below is a flex column that grows; without this a wrapped header shrinks under <main>.
    flexShrink: 0,
  },
  product: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  spacer: { flexGrow: 1 },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalXS,
    // Controls inside the brand bar sit on a neutral "chip" so their own tokens keep contrast.
    '& > *': {
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      borderRadius: tokens.borderRadiusMedium,
      paddingInline: tokens.spacingHorizontalS,
      paddingBlock: tokens.spacingVerticalXXS,
    },
  },
})

/** The admin-center-like top bar: product name on the left, global controls on the right. */
export function AppHeader({ productName, actions }: { productName: string; actions?: ReactNode }) {
  const styles = useStyles()
  return (
    <header className={styles.header}>
      <Text as="span" className={styles.product}>
        {productName}
      </Text>
      <span className={styles.spacer} />
      <div className={styles.actions}>{actions}</div>
    </header>
  )
}
