/**
 * The download pane (downloads.md §1.1): "Download Sign-ins in CSV format" / "… in JSON format", one
 * entry per file of §1.2 with its own File Name box and Download button. Each file is built from the
 * CURRENT view: date range, and the pills of its tab's filter set — server-side pills through the
 * same request builder as the grid (`signInsRequest`), the others through the filter plan's record predicate — so a
 * file holds exactly the records paging that query returns, in the same order (newest first).
 * Loaded lazily by the toolbar (default export), so the writers stay out of the first screen.
 */
import { useState } from 'react'
import { Checkbox, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { ErrorBoundary } from '../../../components/ErrorBoundary.tsx'
import { SidePane } from '../../../components/SidePane.tsx'
import { useClock } from '../../../lib/clock/clock.tsx'
import { useDataSource, type DataSource } from '../../../lib/data-source/data-source.tsx'
import { useViewState } from '../model/use-view-state.ts'
import { resolveDateRange, type ViewState } from '../model/view-state.ts'
import { defaultFileName, encoderFor, filesForView, type DownloadFormat } from './download-files.ts'
import { DownloadFileEntry } from './DownloadFileEntry.tsx'
import { downloadQueryFor, mergedDownloadFor } from './download-query.ts'
import { DOWNLOAD_RECORD_LIMIT } from './run-download.ts'
import { canChooseSaveLocation } from './save-target.ts'
import { useDownloads, type Downloads } from './use-downloads.ts'

const useStyles = makeStyles({
  intro: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  // Label | box | button(s) on one line per file; descriptions and status span the row (all stay siblings).
  files: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
  },
  filesWithSaveAs: {
    gridTemplateColumns: 'auto 1fr auto auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
})

export interface DownloadPaneProps {
  open: boolean
  format: DownloadFormat
  onClose(): void
  /**
   * The page's "now" (the anchor of its relative date range, moved only by Refresh), so the files
   * cover exactly the window the grid shows. Omitted: the moment the pane opens.
   */
  now?: Date
}

export function DownloadPane({ open, format, onClose, now }: DownloadPaneProps) {
  const [state] = useViewState()
  const source = useDataSource()
  const downloads = useDownloads()
  const title = format === 'csv' ? 'Download Sign-ins in CSV format' : 'Download Sign-ins in JSON format'

  return (
    <SidePane title={title} open={open} onClose={onClose} size="medium">
      {/* Inside the drawer, so a failure leaves Close and the downloads already running in place. */}
      <ErrorBoundary what="The download pane" resetKey={format}>
        <DownloadPaneBody
          format={format}
          state={state}
          downloads={downloads}
          client={source.client}
          now={now}
        />
      </ErrorBoundary>
    </SidePane>
  )
}

/**
 * The drawer mounts its body on every opening, so without the page's "now" the pane's own is taken
 * when it opens: the names shown and the files built cover the same range either way. Downloads live in the pane above (they survive a close).
 */
function DownloadPaneBody(props: {
  format: DownloadFormat
  state: ViewState
  downloads: Downloads
  client: DataSource['client']
  now: Date | undefined
}) {
  const { format, state, downloads } = props
  const styles = useStyles()
  const [bom, setBom] = useState(false)
  const clock = useClock()
  const [openedAt] = useState(clock)
  const now = props.now ?? openedAt
  const range = resolveDateRange(state.range, now)
  const files = filesForView(format, state.tab)
  const [canSaveAs] = useState(() => canChooseSaveLocation())
  return (
    <>
      <div className={styles.intro}>
        <Text>
          Each file follows the current date range ({range.from.toISOString().slice(0, 16)}Z to{' '}
          {range.to.toISOString().slice(0, 16)}Z) and the filters of its tab, and holds up to{' '}
          {DOWNLOAD_RECORD_LIMIT.toLocaleString('en-US')} records, newest first.
        </Text>
        {/* downloads.md §1.3 [D 2]: files are UTC whatever "Show dates as" says. */}
        <Text>
          Time stamps in the files are in UTC{format === 'csv' ? ' (column "Date (UTC)")' : ''}, whatever Show
          dates as is set to.
        </Text>
        {format === 'csv' && (
          <Checkbox
            checked={bom}
            onChange={(_, data) => setBom(data.checked === true)}
            label="Excel-friendly (UTF-8 BOM)"
          />
        )}
      </div>
      <div className={mergeClasses(styles.files, canSaveAs && styles.filesWithSaveAs)}>
        {files.map((file) => {
          const fileState = downloads.stateOf(file.id)
          return (
            <DownloadFileEntry
              key={`${file.id}:${defaultFileName(file, range)}`}
              file={file}
              defaultName={defaultFileName(file, range)}
              state={fileState}
              canSaveAs={canSaveAs}
              onDownload={(fileName, options) => {
                const { request, accept, client } =
                  file.tab === 'all'
                    ? mergedDownloadFor({ client: props.client }, state, now)
                    : { ...downloadQueryFor(file, state, now), client: props.client }
                downloads.start(
                  {
                    fileId: file.id,
                    fileName,
                    client,
                    request,
                    accept,
                    encoder: encoderFor(file, { bom }),
                  },
                  options,
                )
              }}
              onCancel={(options) => downloads.cancel(file.id, options)}
              onResume={() => downloads.resume(file.id)}
            />
          )
        })}
      </div>
    </>
  )
}

export default DownloadPane
