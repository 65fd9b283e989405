/**
 * The toolbar's Download menu (portal-ui.md §2.1), loaded on its first opening (SignInToolbar.tsx, issue #7:
 * @fluentui/react-menu is not first-screen code). It mounts open: Fluent's Menu then focuses the first item,
 * and on close returns focus to this trigger.
 */
import {
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  ToolbarButton,
  useRestoreFocusTarget,
} from '@fluentui/react-components'
import { ArrowDownloadRegular } from '@fluentui/react-icons'

export function DownloadMenu({
  open,
  onOpenChange,
  onPick,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onPick: (format: 'csv' | 'json') => void
}) {
  // The download pane opens from a menu item that is gone by then: focus returns here when the pane closes.
  const restoreFocusHere = useRestoreFocusTarget()
  return (
    <Menu open={open} onOpenChange={(_, data) => onOpenChange(data.open)}>
      <MenuTrigger disableButtonEnhancement>
        <ToolbarButton {...restoreFocusHere} icon={<ArrowDownloadRegular />}>
          Download
        </ToolbarButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => onPick('csv')}>Download CSV</MenuItem>
          <MenuItem onClick={() => onPick('json')}>Download JSON</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  )
}
