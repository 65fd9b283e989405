import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import type { ScenarioState } from '../../mocks/scenarios.ts'
import { createMockScenarioPicker } from './MockScenarioPicker.tsx'

function FakeScenarioPicker({ scenarios }: { scenarios: ScenarioState }) {
  return <p>{`Mock scenario: ${scenarios.get()}`}</p>
}

const scenarios = { get: () => 'healthy', set: () => undefined } as unknown as ScenarioState

afterEach(() => vi.restoreAllMocks())

test('a picker chunk that failed to load comes back with Retry, without reloading the page', async () => {
  // React reports the error the boundary caught; that report is all the console gets, and only on failure.
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
  const importPicker = vi
    .fn<() => Promise<{ ScenarioPicker: typeof FakeScenarioPicker }>>()
    .mockRejectedValueOnce(
      new TypeError('Failed to fetch dynamically imported module: /assets/ScenarioPicker.js'),
    )
    .mockResolvedValue({ ScenarioPicker: FakeScenarioPicker })
  const MockScenarioPicker = createMockScenarioPicker(importPicker)
  const user = userEvent.setup()
  // Awaited: the picker suspends on the fake's start (React's `use`) inside act.
  await act(async () =>
    render(
      <FluentProvider theme={webLightTheme}>
        <MockScenarioPicker scenarios={Promise.resolve(scenarios)} />
      </FluentProvider>,
    ),
  )
  expect(await screen.findByText('The mock scenario picker could not be shown')).toBeTruthy()
  expect(consoleError).toHaveBeenCalled()

  await act(async () => user.click(screen.getByRole('button', { name: 'Retry' })))
  expect(await screen.findByText('Mock scenario: healthy')).toBeTruthy()
  expect(importPicker).toHaveBeenCalledTimes(2)
})

test('loaded, the picker leaves the console alone; with no fake running it stays away', async () => {
  const consoleError = vi.spyOn(console, 'error')
  const MockScenarioPicker = createMockScenarioPicker(async () => ({ ScenarioPicker: FakeScenarioPicker }))
  const { rerender } = await act(async () =>
    render(<MockScenarioPicker scenarios={Promise.resolve(scenarios)} />),
  )
  expect(await screen.findByText('Mock scenario: healthy')).toBeTruthy()
  await act(async () => rerender(<MockScenarioPicker scenarios={Promise.resolve(null)} />))
  expect(screen.queryByText(/Mock scenario/)).toBeNull()
  expect(consoleError).not.toHaveBeenCalled()
})
