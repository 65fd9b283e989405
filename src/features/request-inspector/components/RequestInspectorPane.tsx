import { useState } from 'react'
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { DismissRegular } from '@fluentui/react-icons'
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
    <OverlayDrawer
      position="end"
      className={styles.drawer}
      open={open}
      onOpenChange={(_, data) => {
        if (!data.open) onClose()
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />
          }
        >
          Request inspector
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
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
      </DrawerBody>
    </OverlayDrawer>
  )
}
