import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components'

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
  },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  row: { display: 'grid', gridTemplateColumns: '2fr 3fr 2fr 2fr 1fr', gap: tokens.spacingHorizontalM },
})

/** Placeholder rows while the first page loads. */
export function GridSkeleton({ rows = 8, label }: { rows?: number; label: string }) {
  const styles = useStyles()
  return (
    <Skeleton className={styles.root} aria-busy="true">
      <output className={styles.hidden}>{label}</output>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className={styles.row}>
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
        </div>
      ))}
    </Skeleton>
  )
}
