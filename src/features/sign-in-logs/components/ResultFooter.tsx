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
  coverage,
  hasMore,
  loadingMore,
  onLoadedRows,
}: {
  noun: string
  /** What has been loaded, in plain words ("1,200 sign-ins loaded"). */
  coverage: string
  hasMore: boolean
  loadingMore: boolean
  /** The filter plan applies some pills to the loaded rows rather than through Graph. */
  onLoadedRows: boolean
}) {
  const styles = useStyles()
  const parts = [
    coverage,
    hasMore ? 'more are available; scroll to load them' : null,
    onLoadedRows ? 'some filters are applied to the loaded rows' : null,
  ].filter(Boolean)
  return (
    <div className={styles.root}>
      <output aria-live="polite">{parts.join(' · ')}</output>
      {loadingMore && <Spinner size="extra-tiny" label={`Loading more ${noun}`} />}
    </div>
  )
}
