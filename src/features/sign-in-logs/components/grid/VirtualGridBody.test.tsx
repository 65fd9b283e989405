import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterAll, beforeAll } from 'vitest'
import type { GridRowView } from './GridRow.tsx'
import { rowHeight } from './grid-styles.ts'
import { VirtualGridBody, type GridColumn } from './VirtualGridBody.tsx'

const columns: GridColumn[] = [
  { id: 'user', header: 'User', kind: 'text', size: 200 },
  { id: 'app', header: 'Application', kind: 'text', size: 200 },
]
const views: GridRowView[] = Array.from({ length: 1000 }, (_, index) => ({
  key: `sign-in-${index}`,
  selectId: `sign-in-${index}`,
  cells: [`User ${index}`, `App ${index}`],
}))

// jsdom has no layout: the virtualiser reads the scroller's size from clientHeight/clientWidth.
const layout = ['clientHeight', 'clientWidth'] as const
const saved = layout.map((name) => Object.getOwnPropertyDescriptor(Element.prototype, name))
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 600 })
  Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 1200 })
})
afterAll(() =>
  layout.forEach((name, position) => {
    const descriptor = saved[position]
    if (descriptor) Object.defineProperty(Element.prototype, name, descriptor)
  }),
)

function renderGrid() {
  render(
    <VirtualGridBody
      role="grid"
      label="Sign-ins"
      columns={columns}
      rowCount={views.length}
      rowView={(index) => views[index]}
      selectedId={null}
      busy={false}
      hasNextPage={false}
      isFetchingNextPage={false}
      fetchNextPage={() => {}}
      prefetchDistance={100}
      onActivate={() => {}}
    />,
  )
  const grid = screen.getByRole('grid', { name: 'Sign-ins' })
  const scroller = grid.closest<HTMLElement>('[data-grid-scroller]')!
  const scrollToRow = (index: number) => {
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: index * rowHeight })
    act(() => void fireEvent.scroll(scroller))
  }
  const dataRows = () =>
    within(grid)
      .getAllByRole('row')
      .filter((row) => row.getAttribute('aria-rowindex') !== '1')
  return { grid, scrollToRow, dataRows }
}

const userOf = (row: HTMLElement) => row.querySelector('td')?.textContent

test('scrolling rewrites the same row elements in place: rows entering take over the elements of rows that left', () => {
  const { scrollToRow, dataRows } = renderGrid()
  scrollToRow(100)
  const before = dataRows()
  expect(before.map(userOf)).toContain('User 100')
  scrollToRow(103)
  const after = dataRows()
  expect(after.map(userOf)).toContain('User 120')
  expect(after.map(userOf)).not.toContain('User 96')
  // The same <tr> elements, in the same DOM order: none created, removed or moved.
  expect(after).toHaveLength(before.length)
  after.forEach((row, position) => expect(row).toBe(before[position]))
  // Each element shows its record consistently: index, id and text agree.
  for (const row of after) {
    const index = Number(row.getAttribute('aria-rowindex')) - 2
    expect(row.getAttribute('data-row-id')).toBe(`sign-in-${index}`)
    expect(userOf(row)).toBe(`User ${index}`)
  }
})

test('focus stays on its row (not on an element) while the grid scrolls away from it and back', () => {
  const { scrollToRow, dataRows } = renderGrid()
  const focusedRow = () => document.activeElement as HTMLElement
  act(() =>
    dataRows()
      .find((row) => userOf(row) === 'User 2')!
      .focus(),
  )
  for (const [to, shown] of [
    [500, 'User 500'],
    [1, 'User 1'],
    [700, 'User 700'],
  ] as const) {
    scrollToRow(to)
    expect(dataRows().map(userOf)).toContain(shown)
    expect(userOf(focusedRow())).toBe('User 2')
    expect(focusedRow().getAttribute('aria-rowindex')).toBe('4')
    expect(focusedRow().tabIndex).toBe(0)
    expect(dataRows().filter((row) => row.tabIndex === 0)).toHaveLength(1)
  }
})
