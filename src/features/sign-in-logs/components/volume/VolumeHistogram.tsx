/**
 * The volume histogram above the grid (issue #12), loaded on demand after the first rows. Bars or, with
 * "Show as table", the same numbers as a table. Selecting bars narrows the date range to a custom interval
 * pushed to the URL, so Back undoes it.
 */
import { useMemo, useState } from 'react'
import {
  Caption1,
  Spinner,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { useClock } from '../../../../lib/clock/clock.tsx'
import { GraphErrorBar } from '../../../../components/GraphErrorBar.tsx'
import {
  bucketTotal,
  bucketsFromSummaries,
  createSignInBucketCounter,
  histogramWindowFor,
  selectedInterval,
  type VolumeBucket,
} from '../../model/histogram.ts'
import type { TabDefinition, ViewTab } from '../../model/tabs.ts'
import { DAY_MS, RETENTION_DAYS, resolveDateRange, type ViewState } from '../../model/view-state.ts'
import { formatCount, windowText } from './bucket-text.ts'
import { HistogramChart, statusColours } from './HistogramChart.tsx'
import { useAllSummaries, type RowsAtHand } from './rows-at-hand.ts'
import { byRowsSource } from './rows-source.tsx'

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalL },
  legend: { display: 'flex', gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none' },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginRight: tokens.spacingHorizontalXS,
  },
  table: { maxHeight: '240px', overflowY: 'auto' },
})

export interface VolumeHistogramProps {
  tab: ViewTab
  state: ViewState
  now: Date
  onNarrow: (interval: { start: string; end: string }) => void
}

const VolumeHistogram = byRowsSource<VolumeHistogramProps>({
  Loaded: LoadedHistogramView,
  Summaries: SummaryHistogram,
})
export default VolumeHistogram

function LoadedHistogramView({
  state,
  now,
  onNarrow,
  loaded,
}: VolumeHistogramProps & { loaded: RowsAtHand<BetaSignIn> }) {
  const range = resolveDateRange(state.range, now)
  const [countBuckets] = useState(createSignInBucketCounter)
  const buckets = countBuckets(loaded.rows, loaded.count, range)
  // Counted from the bars: a grouped tab's sign-ins start at a whole bucket, before the range may.
  const counted = buckets.reduce((sum, bucket) => sum + bucketTotal(bucket), 0)
  const coverage = loaded.complete
    ? `All ${formatCount(counted)} sign-ins of the range`
    : `From ${formatCount(counted)} of the range's sign-ins loaded; scroll the grid to load more`
  return <HistogramView {...{ state, now, onNarrow, buckets, coverage }} rowsAtHand={loaded} />
}

function SummaryHistogram({ tab, state, now, onNarrow }: VolumeHistogramProps & { tab: TabDefinition }) {
  const summaries = useAllSummaries(tab, state, now)
  const range = resolveDateRange(state.range, now)
  const window = histogramWindowFor(range)
  const buckets = useMemo(
    () => bucketsFromSummaries(summaries.rows, range, window),
    [summaries.rows, range, window],
  )
  const total = buckets.reduce((sum, bucket) => sum + bucketTotal(bucket), 0)
  const coverage = summaries.complete
    ? `All ${formatCount(total)} sign-ins of the range, from the ${window === 'h1' ? 'hourly' : 'daily'} summaries`
    : `Counting: ${formatCount(total)} sign-ins so far`
  return <HistogramView {...{ state, now, onNarrow, buckets, coverage }} rowsAtHand={summaries} />
}

interface HistogramViewProps {
  state: ViewState
  now: Date
  onNarrow: VolumeHistogramProps['onNarrow']
  buckets: VolumeBucket[]
  coverage: string
  rowsAtHand: RowsAtHand<unknown>
}

function HistogramView({ state, now, onNarrow, buckets, coverage, rowsAtHand }: HistogramViewProps) {
  const styles = useStyles()
  const clock = useClock()
  const [asTable, setAsTable] = useState(false)
  const range = resolveDateRange(state.range, now)
  const per = histogramWindowFor(range) === 'h1' ? 'hour' : 'day'
  const select = (first: number, last: number) => {
    // A "Last 1 month" range starts exactly at retention; a minute in keeps the interval valid a moment later.
    const earliest = clock().getTime() - RETENTION_DAYS * DAY_MS + 60_000
    const from = new Date(Math.max(range.from.getTime(), earliest))
    const interval = selectedInterval(buckets, first, last, { from, to: range.to })
    if (interval) onNarrow(interval)
  }
  if (rowsAtHand.pending) return <Spinner size="tiny" label="Loading the sign-in volume" />
  return (
    <section className={styles.root} aria-labelledby="volume-histogram-title">
      <div className={styles.header}>
        <Subtitle2 as="h2" id="volume-histogram-title">
          {`Sign-ins per ${per}`}
        </Subtitle2>
        <Caption1>{coverage}</Caption1>
        <ul className={styles.legend} aria-label="Legend">
          {(['success', 'failure', 'interrupted'] as const).map((status) => (
            <li key={status}>
              <span className={styles.swatch} style={{ backgroundColor: statusColours[status] }} />
              <Caption1>{status[0]!.toUpperCase() + status.slice(1)}</Caption1>
            </li>
          ))}
        </ul>
        <Switch label="Show as table" checked={asTable} onChange={(_, data) => setAsTable(data.checked)} />
      </div>
      {rowsAtHand.error && <GraphErrorBar title="The volume could not be counted" error={rowsAtHand.error} />}
      {asTable ? (
        <div className={styles.table}>
          <Table size="small" aria-label={`Sign-ins per ${per}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Window</TableHeaderCell>
                <TableHeaderCell>Success</TableHeaderCell>
                <TableHeaderCell>Failure</TableHeaderCell>
                <TableHeaderCell>Interrupted</TableHeaderCell>
                <TableHeaderCell>Total</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {buckets.map((bucket) => (
                <TableRow key={bucket.start}>
                  <TableCell>{windowText(bucket, state.dates)}</TableCell>
                  <TableCell>{formatCount(bucket.success)}</TableCell>
                  <TableCell>{formatCount(bucket.failure)}</TableCell>
                  <TableCell>{formatCount(bucket.interrupted)}</TableCell>
                  <TableCell>{formatCount(bucketTotal(bucket))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : (
        <HistogramChart
          buckets={buckets}
          dates={state.dates}
          label={`Sign-ins per ${per}: select a bar, or drag or Shift+arrow across bars, to narrow the date range`}
          onSelect={select}
        />
      )}
    </section>
  )
}
