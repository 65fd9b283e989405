/**
 * The filter editors (radios, checkboxes, inputs, date parsing) load when a pill or "Add filters" first opens
 * (issue #7: not in the first screen). Pills wait for them before opening, so the popover opens complete.
 */
import { onDemand } from '../on-demand.ts'

export const filterEditors = onDemand(() => import('./editors.tsx'))

/** Hover or focus on a pill: start fetching, so the click rarely waits. A failure is reported on open. */
export function prefetchFilterEditors(): void {
  filterEditors.load().then(
    () => undefined,
    () => undefined,
  )
}
