import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Suspense, useState } from 'react'
import { ErrorBoundary } from './ErrorBoundary.tsx'
import { retryableLazy } from './retryable-lazy.tsx'

function Greeting({ name }: { name: string }) {
  return <p>{`Hello ${name}`}</p>
}

// React reports the caught chunk failure on the console; the fallback is what this test is about.
beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}))
afterEach(() => vi.restoreAllMocks())

test('Retry after a failed chunk import imports again and renders the component', async () => {
  const user = userEvent.setup()
  const importGreeting = vi
    .fn<() => Promise<{ default: typeof Greeting }>>()
    .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module: /assets/Greeting.js'))
    .mockResolvedValue({ default: Greeting })
  const LazyGreeting = retryableLazy(importGreeting)
  render(
    <ErrorBoundary what="The greeting">
      <Suspense fallback={<p>Loading</p>}>
        <LazyGreeting name="Adele" />
      </Suspense>
    </ErrorBoundary>,
  )

  expect(await screen.findByText('The greeting could not be shown')).toBeTruthy()
  expect(importGreeting).toHaveBeenCalledTimes(1)

  await user.click(screen.getByRole('button', { name: 'Retry' }))
  expect(await screen.findByText('Hello Adele')).toBeTruthy()
  expect(importGreeting).toHaveBeenCalledTimes(2)
})

test('a loaded component is imported once, however often it mounts', async () => {
  const importGreeting = vi.fn(async () => ({ default: Greeting }))
  const LazyGreeting = retryableLazy(importGreeting)
  const { unmount } = render(
    <Suspense fallback={null}>
      <LazyGreeting name="Adele" />
    </Suspense>,
  )
  expect(await screen.findByText('Hello Adele')).toBeTruthy()
  unmount()
  render(
    <Suspense fallback={null}>
      <LazyGreeting name="Bo" />
    </Suspense>,
  )
  expect(await screen.findByText('Hello Bo')).toBeTruthy()
  expect(importGreeting).toHaveBeenCalledTimes(1)
})

test('a preloaded component renders at once, never through its Suspense fallback', async () => {
  const importGreeting = vi.fn(async () => ({ default: Greeting }))
  const LazyGreeting = retryableLazy(importGreeting)
  await LazyGreeting.preload()
  render(
    <Suspense fallback={<p>Loading</p>}>
      <LazyGreeting name="Adele" />
    </Suspense>,
  )
  // In the first commit, before any import could settle.
  expect(screen.getByText('Hello Adele')).toBeTruthy()
  expect(screen.queryByText('Loading')).toBeNull()
  expect(importGreeting).toHaveBeenCalledTimes(1)
})

test('a component first rendered lazily stays the same element when preloaded later (no remount)', async () => {
  const mounted = vi.fn()
  function Counter({ name }: { name: string }) {
    const [first] = useState(() => (mounted(), name))
    return <p>{`${first} then ${name}`}</p>
  }
  const LazyCounter = retryableLazy(async () => ({ default: Counter }))
  const view = render(
    <Suspense fallback={null}>
      <LazyCounter name="Adele" />
    </Suspense>,
  )
  expect(await screen.findByText('Adele then Adele')).toBeTruthy()
  await LazyCounter.preload()
  view.rerender(
    <Suspense fallback={null}>
      <LazyCounter name="Bo" />
    </Suspense>,
  )
  expect(screen.getByText('Adele then Bo')).toBeTruthy()
  expect(mounted).toHaveBeenCalledTimes(1)
})
