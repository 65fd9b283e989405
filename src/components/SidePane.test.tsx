import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { SidePane } from './SidePane.tsx'

function Page({ returnFocusTo }: { returnFocusTo?: () => HTMLElement | null }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button onClick={() => setOpen(true)}>Open details</button>
      <button>Elsewhere</button>
      {/* Mounted by the click, as the app's lazily loaded panes are. */}
      {open && (
        <SidePane title="Details" open={open} onClose={() => setOpen(false)} returnFocusTo={returnFocusTo}>
          <p>Body text</p>
        </SidePane>
      )}
    </>
  )
}

async function openPane(user: ReturnType<typeof userEvent.setup>, opener: string, name: string) {
  await user.click(screen.getByRole('button', { name: opener }))
  const pane = await screen.findByRole('dialog', { name })
  await waitFor(() => expect(pane.contains(document.activeElement)).toBe(true))
  return pane
}

test('a titled pane whose Close button, clicked with the mouse, gives focus back to the opener', async () => {
  const user = userEvent.setup()
  render(<Page />)
  const opener = screen.getByRole('button', { name: 'Open details' })
  const pane = await openPane(user, 'Open details', 'Details')
  expect(pane.textContent).toContain('Body text')

  await user.click(screen.getByRole('button', { name: 'Close' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Details' })).toBeNull())
  expect(document.activeElement).toBe(opener)
})

test('focus goes where returnFocusTo says, e.g. a re-rendered row', async () => {
  const user = userEvent.setup()
  render(<Page returnFocusTo={() => elsewhere} />)
  const elsewhere = screen.getByRole('button', { name: 'Elsewhere' })
  await openPane(user, 'Open details', 'Details')
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Details' })).toBeNull())
  expect(document.activeElement).toBe(elsewhere)
})

test('non-modal and medium: the page behind stays usable while the pane is open, and Close still closes it', async () => {
  const user = userEvent.setup()
  const behind = vi.fn()
  function NonModalPage() {
    const [open, setOpen] = useState(true)
    return (
      <>
        <button onClick={behind}>Behind</button>
        <SidePane title="Job" open={open} onClose={() => setOpen(false)} modalType="non-modal" size="medium">
          <p>Running</p>
        </SidePane>
      </>
    )
  }
  render(<NonModalPage />)
  const pane = screen.getByRole('dialog', { name: 'Job' })
  expect(pane.getAttribute('aria-modal')).not.toBe('true')
  // Fluent's medium preset (the default is small, 320px).
  expect(getComputedStyle(pane).getPropertyValue('--fui-Drawer--size')).toBe('592px')
  await user.click(screen.getByRole('button', { name: 'Behind' }))
  expect(behind).toHaveBeenCalledOnce()
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Behind' }))
  await user.click(screen.getByRole('button', { name: 'Close' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Job' })).toBeNull())
})
