/**
 * A dialog closed with the mouse gives focus back to its opener: Fluent's restorer does so only after keyboard
 * use, and focus otherwise falls to the page's body, where a keyboard user has to start over.
 */
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { Button, FluentProvider, useRestoreFocusTarget, webLightTheme } from '@fluentui/react-components'
import { defaultInteractiveColumnIds } from '../model/columns.ts'
import { ColumnsPickerDialog } from './ColumnsPickerDialog.tsx'

/** As the page has it: the toolbar's Columns button mounts the dialog, which unmounts on closing. */
function ColumnsHost() {
  const [open, setOpen] = useState(false)
  const restoreFocusHere = useRestoreFocusTarget()
  return (
    <FluentProvider theme={webLightTheme}>
      <Button {...restoreFocusHere} onClick={() => setOpen(true)}>
        Columns
      </Button>
      {open && (
        <ColumnsPickerDialog
          open
          visibleIds={defaultInteractiveColumnIds}
          onSave={() => setOpen(false)}
          onClose={() => setOpen(false)}
        />
      )}
    </FluentProvider>
  )
}

test.each(['Cancel', 'Save'])(
  'the Columns dialog closed by a click on %s gives focus back to Columns',
  async (action) => {
    const user = userEvent.setup()
    render(<ColumnsHost />)
    const opener = screen.getByRole('button', { name: 'Columns' })
    await user.click(opener)
    const dialog = await screen.findByRole('dialog', { name: 'Columns' })
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true))

    await user.click(screen.getByRole('button', { name: action }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Columns' })).toBeNull())
    expect(document.activeElement).toBe(opener)
  },
)
