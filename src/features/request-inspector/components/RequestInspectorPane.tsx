import { useState } from 'react'
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components'
import { SidePane } from '../../../components/SidePane.tsx'
import { useRequestLog } from '../../../lib/data-source/request-log.tsx'
import { RequestEntry } from './RequestEntry.tsx'

const useStyles = makeStyles({
  drawer: { width: 'min(760px, 100vw)' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  more: { alignSelf: 'flex-start', marginBlock: tokens.spacingVerticalM },
  body: { display: 'flex', flexDirection: 'column', paddingBottom: tokens.spacingVerticalXXL },
})

/** Rendering hundreds of entries at once would stall opening the pane; more come on request. */
const PAGE = 50

function countText(shown: number, total: number): string {
  if (total === 0) return 'No Graph requests yet since the page loaded.'
  const requests = total === 1 ? '1 Graph request' : `${total.toLocaleString('en-US')} Graph requests`
  return shown < total
    ? `${requests} since the page loaded; the last ${shown.toLocaleString('en-US')} are kept, newest first.`
    : `${requests} since the page loaded, newest first.`
}

/** Grafana's query inspector for this page: every Graph request, live, newest first (issue #12). */
export function RequestInspectorPane({ open, onClose }: { open: boolean; onClose: () => void }) {
  const styles = useStyles()
  const { entries, total } = useRequestLog()
  const [limit, setLimit] = useState(PAGE)
  const shown = entries.slice(0, limit)
  return (
    <SidePane
      title="Request inspector"
      open={open}
      onClose={onClose}
      className={styles.drawer}
      bodyClassName={styles.body}
    >
      {/* Not a live region: while pages load, announcing every request would drown everything else out. */}
      <Text>{countText(entries.length, total)}</Text>
      <ol className={styles.list} aria-label="Graph requests, newest first">
        {shown.map((entry) => (
          <RequestEntry key={entry.sequence} entry={entry} />
        ))}
      </ol>
      {entries.length > limit && (
        <Button className={styles.more} onClick={() => setLimit((current) => current + PAGE)}>
          Show {Math.min(PAGE, entries.length - limit)} older requests
        </Button>
      )}
    </SidePane>
  )
}
