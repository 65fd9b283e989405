import { act, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CopyButton } from './CopyButton.tsx'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

test('the icon button is named for the value it copies, copies it and confirms for two seconds', async () => {
  userEvent.setup() // its clipboard stands in for the browser's
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  render(<CopyButton value="4f1c-request" label="Request ID" />)

  // A plain click: user-event's pointer moves wait on timers that are fake here.
  await act(async () =>
    fireEvent.click(screen.getByRole('button', { name: 'Copy to clipboard: Request ID' })),
  )
  expect(await navigator.clipboard.readText()).toBe('4f1c-request')
  expect(screen.getByRole('status').textContent).toBe('Copied')

  act(() => vi.advanceTimersByTime(1999))
  expect(screen.getByRole('status').textContent).toBe('Copied')
  act(() => vi.advanceTimersByTime(1))
  expect(screen.getByRole('status').textContent).toBe('')
})

test('the text button is named by its text and copies its value', async () => {
  const user = userEvent.setup()
  render(
    <CopyButton value="curl 'https://graph.microsoft.com/v1.0/auditLogs/signIns'">Copy as curl</CopyButton>,
  )

  await user.click(screen.getByRole('button', { name: 'Copy as curl' }))
  expect(await navigator.clipboard.readText()).toBe(
    "curl 'https://graph.microsoft.com/v1.0/auditLogs/signIns'",
  )
  expect(screen.getByRole('status').textContent).toBe('Copied')
})

test('a denied clipboard says the copy failed rather than pretending', async () => {
  const user = userEvent.setup()
  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'))
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  render(<CopyButton value="x">Copy as PowerShell</CopyButton>)

  await user.click(screen.getByRole('button', { name: 'Copy as PowerShell' }))
  expect(screen.getByRole('status').textContent).toBe('Copy failed')
})
