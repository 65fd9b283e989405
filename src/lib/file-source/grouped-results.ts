/**
 * The last few groupings of the files, each kept whole as a DuckDB temp table of its groups in page order. A
 * grouped tab asks for one grouping many times: the grid's first page, the volume histogram's pages of 1,000
 * through every group, read-ahead. Each was a full GROUP BY over the tab's records (0.4-0.9 s at 1,000,000
 * records), keeping the one worker busy for seconds after each view change; kept, a page after the first reads
 * its groups from the kept ones. A grouping is named by everything but its paging (type, window, filter, and the snapshot
 * of stored records it read), so records stored later make a new grouping rather than a stale answer.
 */

export interface GroupingBounds {
  /** How many groupings are kept. */
  groupings: number
  /** How many groups they may hold in all (the newest grouping is kept whatever its size). */
  groups: number
}

/**
 * A kept group is its keys (two ids, a name, an address) and four numbers, ~100-150 bytes in DuckDB's heap:
 * 500,000 groups are ~50-75 MB, a 1-hour grouping of a 1,000,000-record file (~190,000 groups per 300,000
 * non-interactive records measured) and its neighbours.
 */
export const GROUPING_BOUNDS: GroupingBounds = { groupings: 4, groups: 500_000 }

export interface GroupedResults {
  /**
   * The table holding grouping `key`: the one kept, or a new one `build` fills (resolving to its group count).
   * The most recently used groupings are kept; the others' tables are dropped.
   */
  tableFor(key: string, build: (table: string) => Promise<number>): Promise<string>
  /** Drops every kept grouping (the files are closing). */
  clear(): Promise<void>
}

interface Kept {
  table: string
  groups: Promise<number>
}

export function createGroupedResults(
  drop: (table: string) => Promise<unknown>,
  bounds: GroupingBounds = GROUPING_BOUNDS,
): GroupedResults {
  // Map order is use order: the least recently used grouping first.
  const kept = new Map<string, Kept>()
  let made = 0
  const sizeOf = (grouping: Kept) => grouping.groups.catch(() => 0)

  async function evictFor(newest: string) {
    let total = 0
    for (const grouping of kept.values()) total += await sizeOf(grouping)
    for (const [key, grouping] of [...kept]) {
      if (kept.size <= bounds.groupings && total <= bounds.groups) break
      if (key === newest) continue
      kept.delete(key)
      total -= await sizeOf(grouping)
      await drop(grouping.table)
    }
  }

  return {
    async tableFor(key, build) {
      const found = kept.get(key)
      if (found) {
        kept.delete(key)
        kept.set(key, found)
        await found.groups
        return found.table
      }
      const table = `grouped_${++made}`
      const grouping: Kept = { table, groups: build(table) }
      kept.set(key, grouping)
      try {
        await grouping.groups
      } catch (error) {
        if (kept.get(key) === grouping) kept.delete(key)
        await drop(grouping.table).catch(() => undefined)
        throw error
      }
      await evictFor(key)
      return grouping.table
    },
    async clear() {
      const all = [...kept.values()]
      kept.clear()
      for (const grouping of all) await drop(grouping.table)
    },
  }
}
