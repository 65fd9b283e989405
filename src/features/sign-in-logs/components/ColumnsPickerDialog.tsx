import { useState } from 'react'
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useFocusReturn } from '../../../components/use-focus-return.ts'
import { defaultInteractiveColumnIds, interactiveColumnCatalogue } from '../model/columns.ts'

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    maxHeight: '60vh',
    overflowY: 'auto',
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  note: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalS },
})

// Re-exported for existing importers; the page imports columns-storage.ts so this dialog can load on demand.
export { columnsStorageKey, readStoredColumns, storeColumns } from './columns-storage.ts'

/** portal-ui.md §1.4: tick columns, Save. Never changes downloads. */
export function ColumnsPickerDialog({
  open,
  visibleIds,
  onSave,
  onClose,
}: {
  open: boolean
  visibleIds: readonly string[]
  onSave: (ids: string[]) => void
  onClose: () => void
}) {
  const styles = useStyles()
  const [draft, setDraft] = useState<string[]>([...visibleIds])
  // Unmounted on closing: a click on Cancel or Save would otherwise leave focus on the page's body.
  const surface = useFocusReturn<HTMLDivElement>(open)
  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (data.open) setDraft([...visibleIds])
        else onClose()
      }}
    >
      <DialogSurface ref={surface}>
        <DialogBody>
          <DialogTitle>Columns</DialogTitle>
          <DialogContent>
            <Text className={styles.note}>
              Choose the columns of the grid. Downloads always contain the full set of fields.
            </Text>
            <fieldset className={styles.list}>
              <legend className={styles.legend}>Columns to show</legend>
              {interactiveColumnCatalogue.map((column) => (
                <Checkbox
                  key={column.id}
                  label={column.label}
                  checked={draft.includes(column.id)}
                  onChange={(_, data) =>
                    setDraft((current) =>
                      data.checked ? [...current, column.id] : current.filter((id) => id !== column.id),
                    )
                  }
                />
              ))}
            </fieldset>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => setDraft([...defaultInteractiveColumnIds])}>
              Reset to defaults
            </Button>
            <Button onClick={onClose}>Cancel</Button>
            <Button appearance="primary" disabled={draft.length === 0} onClick={() => onSave(draft)}>
              Save
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  )
}
