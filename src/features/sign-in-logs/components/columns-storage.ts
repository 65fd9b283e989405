/**
 * The interactive tab's column choice in localStorage (portal-ui.md §1.4). Apart from the Columns dialog, so the
 * page can read the choice at start without loading the dialog (issue #7: it loads on first open).
 */
import { defaultInteractiveColumnIds, interactiveColumnCatalogue } from '../model/columns.ts'

export const columnsStorageKey = 'sign-in-logs-studio.interactive-columns'

/** The saved choice, or the §1.3 defaults; unknown ids from older versions are dropped. */
export function readStoredColumns(): string[] {
  try {
    const raw = window.localStorage.getItem(columnsStorageKey)
    if (!raw) return [...defaultInteractiveColumnIds]
    const parsed: unknown = JSON.parse(raw)
    if (!Array.isArray(parsed)) return [...defaultInteractiveColumnIds]
    const known = new Set(interactiveColumnCatalogue.map((column) => column.id))
    const ids = parsed.filter((id): id is string => typeof id === 'string' && known.has(id))
    return ids.length ? ids : [...defaultInteractiveColumnIds]
  } catch (error) {
    console.warn('Saved columns could not be read; using the defaults', error)
    return [...defaultInteractiveColumnIds]
  }
}

export function storeColumns(ids: readonly string[]) {
  try {
    window.localStorage.setItem(columnsStorageKey, JSON.stringify(ids))
  } catch (error) {
    console.warn('Columns could not be saved', error)
  }
}
