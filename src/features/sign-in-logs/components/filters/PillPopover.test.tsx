import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FluentProvider, TagGroup, webLightTheme } from '@fluentui/react-components'
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

// jsdom has no layout, so tabster finds nothing "visible" to focus on open: the first-control focus is checked
// in a browser (e2e); here the content, the ARIA state and the focus return on close.
test('a pill opens with its editor already there; Apply reports the choice; Escape hands focus back to the pill', async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  const pill = renderPill(onChange)
  expect(pill.getAttribute('aria-expanded')).toBe('false')
  expect(screen.queryByRole('radio')).toBeNull()

  await user.click(pill)
  const dialog = await screen.findByRole('dialog', { name: 'Show dates as' })
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
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

  const trigger = screen.getByRole('button', { name: 'Show dates as : Local' })
  await user.click(trigger)
  expect(await screen.findByRole('dialog', { name: 'Show dates as' })).toBeTruthy()
  expect(trigger.getAttribute('aria-expanded')).toBe('true')
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  await waitFor(() => expect(document.activeElement).toBe(trigger))
})
