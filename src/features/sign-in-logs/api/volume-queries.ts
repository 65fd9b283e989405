/**
 * What the volume histogram counts (issue #12). Grouped tabs: every summary row of the range, asked for with
 * the histogram's own aggregation window (h1 or d1) in pages of Graph's maximum, so the counts are complete
 * whatever "Time aggregate" the grid shows. The interactive tab counts the grid's own loaded rows (the same
 * query, so the same cache entry: no extra request).
 */
import type { DataSource } from '../../../lib/data-source/data-source.tsx'
import { histogramWindowFor } from '../model/histogram.ts'
import type { TabDefinition } from '../model/tabs.ts'
import { resolveDateRange, type ViewState } from '../model/view-state.ts'
import { summaryListQuery } from './queries.ts'

/** Graph's `$top` maximum (graph-api.md §1.2): the fewest requests for a full count. */
export const VOLUME_PAGE_SIZE = 1000

export function volumeWindowOf(state: ViewState, now: Date) {
  return histogramWindowFor(resolveDateRange(state.range, now))
}

export function volumeSummariesQuery(source: DataSource, tab: TabDefinition, state: ViewState, now: Date) {
  return summaryListQuery(
    source,
    tab,
    { ...state, aggregate: volumeWindowOf(state, now) },
    now,
    VOLUME_PAGE_SIZE,
  )
}
