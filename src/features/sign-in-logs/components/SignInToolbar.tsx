import { Suspense, lazy, useState } from 'react'
import {
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
} from '@fluentui/react-components'
import { ArrowClockwiseRegular, ArrowDownloadRegular, ColumnTripleEditRegular } from '@fluentui/react-icons'

// The download pane (helper "downloads") is loaded on first use so its writers stay out of the first screen.
const DownloadPane = lazy(async () => ({
  default: (await import('../export/DownloadPane.tsx')).DownloadPane,
}))

export interface SignInToolbarProps {
  /** The page's anchor for relative ranges: downloads must cover exactly the window the grid shows. */
  now: Date
  onRefresh: () => void
  /** null: the current tab has no Columns picker (§1.4 interactive only); the button is disabled. */
  onOpenColumns: (() => void) | null
}

/** portal-ui.md §2.1 command bar: Download (CSV/JSON), Refresh, Columns. */
export function SignInToolbar({ now, onRefresh, onOpenColumns }: SignInToolbarProps) {
  const [download, setDownload] = useState<'csv' | 'json' | null>(null)
  const [everOpened, setEverOpened] = useState(false)
  const open = (format: 'csv' | 'json') => {
    setEverOpened(true)
    setDownload(format)
  }
  return (
    <>
      <Toolbar aria-label="Sign-in logs commands">
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <ToolbarButton icon={<ArrowDownloadRegular />}>Download</ToolbarButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => open('csv')}>Download CSV</MenuItem>
              <MenuItem onClick={() => open('json')}>Download JSON</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <ToolbarDivider />
        <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={onRefresh}>
          Refresh
        </ToolbarButton>
        <ToolbarButton
          icon={<ColumnTripleEditRegular />}
          disabled={onOpenColumns === null}
          disabledFocusable={onOpenColumns === null}
          onClick={onOpenColumns ?? undefined}
        >
          Columns
        </ToolbarButton>
      </Toolbar>
      {everOpened && (
        <Suspense fallback={null}>
          <DownloadPane
            open={download !== null}
            format={download ?? 'csv'}
            onClose={() => setDownload(null)}
            now={now}
          />
        </Suspense>
      )}
    </>
  )
}
