import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FluentProvider, TagGroup, webLightTheme } from '@fluentui/react-components'
import { fakeLayout } from '../testing/render-page.tsx'
import { ChoicePill } from './ChoicePill.tsx'

const options = [
  { value: 'local', label: 'Local' },
  { value: 'utc', label: 'UTC' },
] as const

function renderPill(onChange: (value: 'local' | 'utc') => void) {
  render(
    <FluentProvider theme={webLightTheme}>
      <TagGroup aria-label="Filters">
        <ChoicePill id="dates" label="Show dates as" value="local" options={options} onChange={onChange} />
      </TagGroup>
    </FluentProvider>,
  )
  return screen.getByRole('button', { name: 'Show dates as : Local' })
}

// Fluent's positioning hides a popover whose trigger has an all-zero rect, which is all jsdom gives.
let restoreLayout: () => void
beforeAll(() => {
  restoreLayout = fakeLayout()
})
afterAll(() => restoreLayout())

/** The editors are a chunk loaded on first use; on a busy 2-core CI box that import can take seconds. */
const lazySurface = { timeout: 15_000 } as const

test('a pill opens with its editor already there; Apply reports the choice; Escape hands focus back to the pill', async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  const pill = renderPill(onChange)
  expect(pill.getAttribute('aria-expanded')).toBe('false')
  expect(screen.queryByRole('radio')).toBeNull()

  await user.click(pill)
  const dialog = await screen.findByRole('dialog', { name: 'Show dates as' }, lazySurface)
  // The popover mounted after the editors loaded: no loading state inside it.
  expect(within(dialog).queryByRole('progressbar')).toBeNull()
  expect(
    within(dialog)
      .getAllByRole('radio')
      .map((radio) => radio.getAttribute('value')),
  ).toEqual(['local', 'utc'])
  await user.click(within(dialog).getByRole('radio', { name: 'UTC' }))
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }))
  expect(onChange).toHaveBeenCalledWith('utc')
  await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull())

  const trigger = screen.getByRole('button', { name: 'Show dates as : Local' })
  await user.click(trigger)
  expect(await screen.findByRole('dialog', { name: 'Show dates as' }, lazySurface)).toBeTruthy()
  expect(trigger.getAttribute('aria-expanded')).toBe('true')
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull())
  await waitFor(() => expect(document.activeElement).toBe(trigger))
})
