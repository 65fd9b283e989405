import { Suspense, use, type ComponentType } from 'react'
import type { ScenarioState } from '../../mocks/scenarios.ts'
import { ErrorBoundary } from '../components/ErrorBoundary.tsx'
import { retryableLazy } from '../components/retryable-lazy.tsx'

type PickerModule = { ScenarioPicker: ComponentType<{ scenarios: ScenarioState }> }

/**
 * The header's mock scenario picker, a chunk of its own rather than part of the first screen: it is not needed for
 * the first rows. A chunk that fails to load shows a Retry in its place that imports it again,
 * so the picker comes back without reloading the page. `importPicker` is for tests.
 */
export function createMockScenarioPicker(
  importPicker: () => Promise<PickerModule> = () => import('./ScenarioPicker.tsx'),
) {
  const ScenarioPicker = retryableLazy(async () => ({ default: (await importPicker()).ScenarioPicker }))

  /** Appears once the fake runs (it needs the fake's scenario state); null: the fake did not start. */
  function RunningScenarioPicker({ scenarios }: { scenarios: Promise<ScenarioState | null> }) {
    const running = use(scenarios)
    return running && <ScenarioPicker scenarios={running} />
  }

  return function MockScenarioPicker({ scenarios }: { scenarios: Promise<ScenarioState | null> }) {
    return (
      <ErrorBoundary what="The mock scenario picker">
        <Suspense fallback={null}>
          <RunningScenarioPicker scenarios={scenarios} />
        </Suspense>
      </ErrorBoundary>
    )
  }
}
