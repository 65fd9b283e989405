import { useState } from 'react'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import type { DateDraft } from './DateRangePill.tsx'
import { DateTimePickers } from './DateTimePickers.tsx'
import { DateRangeEditor, validateDateDraft } from './editors.tsx'

const now = new Date('2026-11-30T12:00:00Z')

function renderPickers(text: string, onText = vi.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <DateTimePickers label="Start" text={text} dates="utc" now={now} onText={onText} />
    </FluentProvider>,
  )
  return onText
}

test('the pickers show the wall clock of the typed text in the Show dates as zone', () => {
  renderPickers('2026-11-29T10:30:00Z')
  expect(screen.getByRole('combobox', { name: 'Start date' })).toHaveProperty('value', '2026-11-29')
  expect(screen.getByRole('combobox', { name: 'Start time' })).toHaveProperty('value', '10:30')
})

test('a day picked in the calendar keeps the time of day and writes the text', async () => {
  const user = userEvent.setup()
  const onText = renderPickers('2026-11-29 10:30')
  await user.click(screen.getByRole('combobox', { name: 'Start date' }))
  const calendar = await screen.findByRole('dialog')
  await user.click(within(calendar).getByRole('button', { name: /^27, November, 2026/ }))
  expect(onText).toHaveBeenLastCalledWith('2026-11-27 10:30')
})

test('days outside the last 30 days of the page clock cannot be picked', async () => {
  const user = userEvent.setup()
  renderPickers('2026-11-29 10:30')
  await user.click(screen.getByRole('combobox', { name: 'Start date' }))
  const calendar = await screen.findByRole('dialog')
  expect(within(calendar).getByRole('button', { name: /^1, December, 2026/ })).toHaveProperty(
    'disabled',
    true,
  )
  expect(within(calendar).queryByRole('button', { name: /^29, November, 2026/ })).not.toBeNull()
})

test('a time picked from the list keeps the date and writes the text', async () => {
  const user = userEvent.setup()
  const onText = renderPickers('2026-11-29 10:30')
  await user.click(screen.getByRole('combobox', { name: 'Start time' }))
  await user.click(await screen.findByRole('option', { name: '14:00' }))
  expect(onText).toHaveBeenLastCalledWith('2026-11-29 14:00')
})

/** The editor as the pill drives it: the draft text is the value, validated as typed text is. */
function EditorHarness() {
  const [draft, setDraft] = useState<DateDraft>({
    preset: 'custom',
    start: '2026-11-29 10:00',
    end: '2026-11-29 12:00',
  })
  const validation = validateDateDraft(draft, now, 'utc')
  return (
    <FluentProvider theme={webLightTheme}>
      <DateRangeEditor
        draft={draft}
        dates="utc"
        now={now}
        messages={validation}
        onDraft={(change) => setDraft((current) => ({ ...current, ...change }))}
      />
    </FluentProvider>
  )
}

test('a picked time goes through the same validation as typed text; pasted text still works', async () => {
  const user = userEvent.setup()
  render(<EditorHarness />)
  await user.click(await screen.findByRole('combobox', { name: 'End time' }))
  await user.click(await screen.findByRole('option', { name: '09:00' }))
  expect(screen.getByRole('textbox', { name: 'End' })).toHaveProperty('value', '2026-11-29 09:00')
  expect(await screen.findByText('End must be after start')).toBeTruthy()

  const start = screen.getByRole('textbox', { name: 'Start' })
  await user.clear(start)
  await user.click(start)
  await user.paste('2026-11-28T23:15:00Z')
  await waitFor(() => expect(screen.queryByText('End must be after start')).toBeNull())
  expect(screen.getByRole('combobox', { name: 'Start date' })).toHaveProperty('value', '2026-11-28')
  expect(screen.getByRole('combobox', { name: 'Start time' })).toHaveProperty('value', '23:15')
})
