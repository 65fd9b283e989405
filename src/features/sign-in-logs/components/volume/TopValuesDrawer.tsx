/**
 * Top values (issue #12): the ten most frequent values of a column with count and share, over the loaded
 * rows or every summary row of the range (grouped tabs), each with "Filter for" and "Filter out" (an "is
 * not" pill).
 * Loaded on first use.
 */
import { useId, useMemo, useState } from 'react'
import {
  Button,
  Caption1,
  Field,
  Select,
  Spinner,
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
import { GraphErrorBar } from '../../../../components/GraphErrorBar.tsx'
import { SidePane } from '../../../../components/SidePane.tsx'
import type { FilterPill } from '../../model/filter-fields.ts'
import type { TabDefinition, ViewTab } from '../../model/tabs.ts'
import { topValueColumnsFor, type TopValueColumn, type TopValueRow } from '../../model/top-value-columns.ts'
import { topValues, type TopValues } from '../../model/top-values.ts'
import type { ViewState } from '../../model/view-state.ts'
import { formatCount } from './bucket-text.ts'
import { useAllSummaries, type RowsAtHand } from './rows-at-hand.ts'
import { byRowsSource } from './rows-source.tsx'

const useStyles = makeStyles({
  drawer: { width: '560px', maxWidth: '100vw' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  value: { wordBreak: 'break-word' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
})

export interface TopValuesDrawerProps {
  open: boolean
  tab: ViewTab
  state: ViewState
  now: Date
  onClose: () => void
  onAddPill: (pill: FilterPill) => void
}

export default function TopValuesDrawer(props: TopValuesDrawerProps) {
  const styles = useStyles()
  const { open, onClose } = props
  return (
    <SidePane
      title="Top values"
      open={open}
      onClose={onClose}
      className={styles.drawer}
      bodyClassName={styles.body}
    >
      {open && <TopValuesFor {...props} />}
    </SidePane>
  )
}

const TopValuesFor = byRowsSource<TopValuesDrawerProps>({
  Loaded: LoadedTopValuesView,
  Summaries: SummaryTopValues,
})

function LoadedTopValuesView({
  tab,
  onAddPill,
  loaded,
}: TopValuesDrawerProps & { loaded: RowsAtHand<BetaSignIn> }) {
  const rows = useMemo(
    () => loaded.rows.slice(0, loaded.count).map((signIn): TopValueRow => ({ kind: 'signIn', signIn })),
    [loaded.rows, loaded.count],
  )
  const coverage = (result: TopValues) =>
    loaded.complete
      ? `Over all ${formatCount(result.total)} sign-ins of the range`
      : `Over the ${formatCount(result.total)} sign-ins loaded so far, not the whole range; scroll the grid to load more`
  return <TopValuesView {...{ tab, onAddPill, rows, coverage }} rowsAtHand={loaded} />
}

function SummaryTopValues({ tab, state, now, onAddPill }: TopValuesDrawerProps & { tab: TabDefinition }) {
  const summaries = useAllSummaries(tab, state, now)
  const rows = useMemo(
    () => summaries.rows.map((summary): TopValueRow => ({ kind: 'summary', summary })),
    [summaries.rows],
  )
  const coverage = (result: TopValues) =>
    summaries.complete
      ? `Over all ${formatCount(result.total)} sign-ins of the range, from ${formatCount(rows.length)} summary rows`
      : `Counting: ${formatCount(result.total)} sign-ins so far`
  return <TopValuesView {...{ tab, onAddPill, rows, coverage }} rowsAtHand={summaries} />
}

interface TopValuesViewProps {
  tab: ViewTab
  onAddPill: TopValuesDrawerProps['onAddPill']
  rows: TopValueRow[]
  coverage: (result: TopValues) => string
  rowsAtHand: RowsAtHand<unknown>
}

function TopValuesView({ tab, onAddPill, rows, coverage, rowsAtHand }: TopValuesViewProps) {
  const styles = useStyles()
  const columns = useMemo(() => topValueColumnsFor(tab), [tab])
  const [columnId, setColumnId] = useState(columns.find((c) => c.id === 'status')?.id ?? columns[0]?.id)
  const column: TopValueColumn | undefined = columns.find((c) => c.id === columnId) ?? columns[0]
  const result = useMemo(() => (column ? topValues(rows, column.reader) : null), [rows, column])
  const tableLabel = useId()
  if (!column || !result) return null
  return (
    <>
      <Field label="Column">
        <Select value={column.id} onChange={(_, data) => setColumnId(data.value)}>
          {columns.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </Select>
      </Field>
      {rowsAtHand.error && <GraphErrorBar title="Not every row could be counted" error={rowsAtHand.error} />}
      {rowsAtHand.pending ? (
        <Spinner size="tiny" label="Counting values" />
      ) : (
        <>
          <Caption1
            id={tableLabel}
          >{`${coverage(result)}. ${formatCount(result.distinct)} different values.`}</Caption1>
          <Table size="small" aria-label={`Top values of ${column.label}`} aria-describedby={tableLabel}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Value</TableHeaderCell>
                <TableHeaderCell>Count</TableHeaderCell>
                <TableHeaderCell>Share</TableHeaderCell>
                <TableHeaderCell>Filter</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.values.map((value) => (
                <TableRow key={value.text}>
                  <TableCell className={styles.value}>{value.text}</TableCell>
                  <TableCell>{formatCount(value.count)}</TableCell>
                  <TableCell>{`${(value.share * 100).toFixed(1)} %`}</TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      {([false, true] as const).map((negated) => (
                        <Button
                          key={String(negated)}
                          size="small"
                          disabled={column.filterField === null || value.filterValue === null}
                          aria-label={`${negated ? 'Filter out' : 'Filter for'} ${value.text}`}
                          onClick={() => {
                            if (column.filterField && value.filterValue !== null)
                              onAddPill({ field: column.filterField, values: [value.filterValue], negated })
                          }}
                        >
                          {negated ? 'Filter out' : 'Filter for'}
                        </Button>
                      ))}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {column.filterField === null && (
            <Caption1>{`This tab has no filter for ${column.label}.`}</Caption1>
          )}
        </>
      )}
    </>
  )
}
