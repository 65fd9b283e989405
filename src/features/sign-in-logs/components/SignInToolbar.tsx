import { Suspense, useState } from 'react'
import { retryableLazy } from '../../../components/retryable-lazy.tsx'
import {
  Text,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  useRestoreFocusTarget,
} from '@fluentui/react-components'
import {
  ArrowClockwiseRegular,
  ArrowDownloadRegular,
  ArchiveArrowBackRegular,
  ColumnTripleEditRegular,
  DataBarHorizontalRegular,
} from '@fluentui/react-icons'
import { ErrorBoundary } from '../../../components/ErrorBoundary.tsx'
import { onDemand, onDemandFailureMessage } from './on-demand.ts'

// The download pane (helper "downloads") is loaded on first use so its writers stay out of the first screen.
const DownloadPane = retryableLazy(async () => ({
  default: (await import('../export/DownloadPane.tsx')).DownloadPane,
}))

// "Export all sign-ins" (issue #13): the engine, its storage and the drawer load on first use.
const ExportAllDrawer = retryableLazy(() => import('../export/all/ui/ExportAllDrawer.tsx'))

// The Download menu too (issue #7): until its first opening the toolbar shows a look-alike menu button.
const downloadMenu = onDemand(() => import('./DownloadMenu.tsx'))

/** Hover or focus on Download: start fetching the menu, so the click rarely waits. A failure shows on click. */
function prefetchDownloadMenu(): void {
  downloadMenu.load().then(
    () => undefined,
    () => undefined,
  )
}

export interface SignInToolbarProps {
  /** The page's anchor for relative ranges: downloads must cover exactly the window the grid shows. */
  now: Date
  onRefresh: () => void
  /** null: the current tab has no Columns picker (§1.4 interactive only); the button is disabled. */
  onOpenColumns: (() => void) | null
  /** Opens the top values panel (issue #12). */
  onOpenTopValues: () => void
}

/** Download: a plain menu button until the menu's code has loaded, then the real Fluent Menu, mounted open. */
function DownloadButton({ onPick }: { onPick: (format: 'csv' | 'json') => void }) {
  const [menu, setMenu] = useState(() => downloadMenu.loaded())
  const [open, setOpen] = useState(false)
  const [failed, setFailed] = useState(false)
  const restoreFocusHere = useRestoreFocusTarget()
  if (menu) {
    return (
      <menu.DownloadMenu
        open={open}
        onOpenChange={setOpen}
        onPick={(format) => {
          setOpen(false)
          onPick(format)
        }}
      />
    )
  }
  const openMenu = () => {
    setFailed(false)
    downloadMenu.load().then(
      (loaded) => {
        setMenu(loaded)
        setOpen(true)
      },
      (error: unknown) => {
        console.error('The Download menu could not be loaded', error)
        setFailed(true)
      },
    )
  }
  return (
    <>
      <ToolbarButton
        {...restoreFocusHere}
        icon={<ArrowDownloadRegular />}
        // As Fluent's closed MenuTrigger: aria-haspopup, no aria-expanded.
        aria-haspopup="menu"
        onPointerEnter={prefetchDownloadMenu}
        onFocus={prefetchDownloadMenu}
        onClick={openMenu}
      >
        Download
      </ToolbarButton>
      {failed && <Text role="alert">{onDemandFailureMessage}</Text>}
    </>
  )
}

/** portal-ui.md §2.1 command bar: Download (CSV/JSON), Refresh, Columns. */
export function SignInToolbar({ now, onRefresh, onOpenColumns, onOpenTopValues }: SignInToolbarProps) {
  const [download, setDownload] = useState<'csv' | 'json' | null>(null)
  const [everOpened, setEverOpened] = useState(false)
  const [exportAllOpen, setExportAllOpen] = useState(false)
  const [exportAllLoaded, setExportAllLoaded] = useState(false)
  // Dialogs opened from here hand focus back to their opener when they close (Tabster's restorer).
  const restoreFocusHere = useRestoreFocusTarget()
  const open = (format: 'csv' | 'json') => {
    setEverOpened(true)
    setDownload(format)
  }
  return (
    <>
      <Toolbar aria-label="Sign-in logs commands">
        <DownloadButton onPick={open} />
        <ToolbarButton
          {...restoreFocusHere}
          icon={<ArchiveArrowBackRegular />}
          aria-expanded={exportAllOpen}
          onClick={() => {
            setExportAllLoaded(true)
            setExportAllOpen(true)
          }}
        >
          Export all sign-ins
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={onRefresh}>
          Refresh
        </ToolbarButton>
        <ToolbarButton
          {...restoreFocusHere}
          icon={<ColumnTripleEditRegular />}
          disabled={onOpenColumns === null}
          disabledFocusable={onOpenColumns === null}
          onClick={onOpenColumns ?? undefined}
        >
          Columns
        </ToolbarButton>
        <ToolbarButton {...restoreFocusHere} icon={<DataBarHorizontalRegular />} onClick={onOpenTopValues}>
          Top values
        </ToolbarButton>
      </Toolbar>
      {everOpened && (
        <ErrorBoundary what="The download pane" resetKey={download}>
          <Suspense fallback={null}>
            <DownloadPane
              open={download !== null}
              format={download ?? 'csv'}
              onClose={() => setDownload(null)}
              now={now}
            />
          </Suspense>
        </ErrorBoundary>
      )}
      {exportAllLoaded && (
        <ErrorBoundary what="Export all sign-ins" resetKey={exportAllOpen}>
          <Suspense fallback={null}>
            <ExportAllDrawer open={exportAllOpen} onClose={() => setExportAllOpen(false)} />
          </Suspense>
        </ErrorBoundary>
      )}
    </>
  )
}
