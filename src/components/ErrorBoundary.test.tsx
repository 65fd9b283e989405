import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { ErrorBoundary } from './ErrorBoundary.tsx'

/** Throws while `failing.now` is true, like a component meeting a record it cannot draw. */
function Fragile({ failing }: { failing: { now: boolean } }) {
  if (failing.now) throw new TypeError("Cannot read properties of null (reading 'errorCode')")
  return <p>Drawn</p>
}

function Page({ failing }: { failing: { now: boolean } }) {
  const [tab, setTab] = useState(1)
  return (
    <>
      <h1>Still here</h1>
      <button onClick={() => setTab((current) => current + 1)}>Next tab</button>
      <ErrorBoundary what="The results grid" resetKey={tab}>
        <Fragile failing={failing} />
      </ErrorBoundary>
    </>
  )
}

// React reports a caught render error on the console; the fallback is what this test is about.
beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}))
afterEach(() => vi.restoreAllMocks())

test('a throw during render shows a worded fallback in place; the rest of the page stays', () => {
  render(<Page failing={{ now: true }} />)
  expect(screen.getByRole('heading', { name: 'Still here' })).toBeTruthy()
  expect(screen.getByText('The results grid could not be shown')).toBeTruthy()
  expect(screen.getByText(/Cannot read properties of null \(reading 'errorCode'\)/)).toBeTruthy()
  expect(screen.queryByText('Drawn')).toBeNull()
})

test('Retry mounts the content again and calls onRetry', async () => {
  const user = userEvent.setup()
  const failing = { now: true }
  const onRetry = vi.fn(() => {
    failing.now = false
  })
  render(
    <ErrorBoundary what="The details" onRetry={onRetry}>
      <Fragile failing={failing} />
    </ErrorBoundary>,
  )
  expect(screen.getByText('The details could not be shown')).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  expect(onRetry).toHaveBeenCalledTimes(1)
  expect(screen.getByText('Drawn')).toBeTruthy()
  expect(screen.queryByText('The details could not be shown')).toBeNull()
})

test('a new resetKey (another tab, other filters) clears the error', async () => {
  const user = userEvent.setup()
  const failing = { now: true }
  render(<Page failing={failing} />)
  expect(screen.getByText('The results grid could not be shown')).toBeTruthy()
  failing.now = false
  await user.click(screen.getByRole('button', { name: 'Next tab' }))
  expect(screen.getByText('Drawn')).toBeTruthy()
})
