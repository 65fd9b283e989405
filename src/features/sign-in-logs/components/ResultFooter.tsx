import { Spinner, makeStyles, tokens } from '@fluentui/react-components'

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '28px',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
})

/** §5: result counts and load completion announced through a polite live region. */
export function ResultFooter({
  noun,
  count,
  hasMore,
  loadingMore,
  clientFiltered,
}: {
  noun: string
  count: number
  hasMore: boolean
  loadingMore: boolean
  clientFiltered: boolean
}) {
  const styles = useStyles()
  const parts = [
    `${count.toLocaleString('en-US')} ${noun} loaded`,
    hasMore ? 'more are available; scroll to load them' : 'all results loaded',
    clientFiltered ? 'some filters are applied to loaded rows only' : null,
  ].filter(Boolean)
  return (
    <div className={styles.root}>
      <output aria-live="polite">{parts.join(' · ')}</output>
      {loadingMore && <Spinner size="extra-tiny" label={`Loading more ${noun}`} />}
    </div>
  )
}
