import { useMemo } from 'react'
import { makeResetStyles, makeStyles, tokens } from '@fluentui/react-components'
import type { ColumnKind } from '../../model/columns.ts'
import { columnSizeByKind as columnWidths } from '../../model/table.ts'

export const rowHeight = 40
/**
 * Rows rendered beyond each edge of the viewport. Every rendered row costs style, layout and React
 * time whenever it enters the window; 10 a side made a fast scroll re-create ~35 rows a frame.
 */
export const gridOverscan = 4

export const expanderWidth = 36

/*
 * Rows and cells are the elements rewritten on every scroll frame: one reset-style class each (all
 * declarations in one rule) instead of ~10 atomic classes, so the style engine matches and applies
 * one rule per element (issue #7). Per-kind modifiers below stay atomic and override them. Rows are
 * ring elements in normal flow (row-pool.ts), fully contained (fixed size), so a row taking on another
 * record is laid out and painted alone (issue #16).
 */
const useRowBaseClass = makeResetStyles({
  display: 'flex',
  contain: 'strict',
  // Every row has a transform, so a ring element's wrap (another transform value) restyles the row
  // alone: gaining or losing a transform made Chromium restyle all its cells too.
  transform: 'translateY(0)',
  height: `${rowHeight}px`,
  boxSizing: 'border-box',
  borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  color: tokens.colorNeutralForeground1,
  cursor: 'pointer',
  ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  ':focus-visible': {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
})

// A block cell (not flex) so text-overflow applies to the text itself and no wrapper element is
// needed: each element costs style and layout time for every row scrolled into view (issue #7).
const useCellBaseClass = makeResetStyles({
  display: 'block',
  flexShrink: 0,
  boxSizing: 'border-box',
  paddingInline: tokens.spacingHorizontalS,
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  textOverflow: 'ellipsis',
  lineHeight: `${rowHeight - 1}px`,
})

const useAtomicGridStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    minHeight: '280px',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    position: 'relative',
    // Size, layout, paint and style stay inside: a scroll frame's work never reaches the page around it.
    // The scroller's size comes from its flex parent (flexGrow) and minHeight, not from the rows.
    contain: 'strict',
  },
  // Native table elements laid out as blocks and flex rows: the table is as tall as all rows (the
  // scroll range); the ring's rows flow inside the body, which one transform moves to the ring's cycle.
  table: { display: 'block', borderCollapse: 'collapse', borderSpacing: 0 },
  header: {
    display: 'block',
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  headerRow: { display: 'flex' },
  headerCell: {
    flexShrink: 0,
    boxSizing: 'border-box',
    paddingInline: tokens.spacingHorizontalS,
    height: `${rowHeight}px`,
    display: 'flex',
    alignItems: 'center',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    textAlign: 'start',
  },
  body: { display: 'block', position: 'relative' },
  // The ring's size in px is the body's --ring-height (set with its transform).
  wrappedRow: { transform: 'translateY(var(--ring-height))' },
  pinnedRow: { position: 'absolute', top: 0, left: 0, right: 0 },
  rowSelected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  childRow: { backgroundColor: tokens.colorNeutralBackground2 },
  // Per-kind widths (the columns' getSize(), model/table.ts) as classes rather than inline styles:
  // identical cells then share their style.
  widthDate: { width: `${columnWidths.date}px` },
  widthId: { width: `${columnWidths.id}px` },
  widthText: { width: `${columnWidths.text}px` },
  widthCount: { width: `${columnWidths.count}px` },
  widthExpander: { width: `${expanderWidth}px` },
  expanderIcon: { verticalAlign: 'middle' },
  idText: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  countText: { fontVariantNumeric: 'tabular-nums' },
  statusRow: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingInline: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '32px',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
})

/** The grid's classes: the atomic ones plus the row and cell base classes. */
export function useGridStyles() {
  const atomic = useAtomicGridStyles()
  const row = useRowBaseClass()
  const cell = useCellBaseClass()
  return useMemo(() => ({ ...atomic, row, cell }), [atomic, row, cell])
}

type GridStyles = ReturnType<typeof useGridStyles>

/** The width class of a column kind (see `columnWidths`). */
export function widthClass(styles: GridStyles, kind: ColumnKind): string {
  switch (kind) {
    case 'date':
      return styles.widthDate
    case 'id':
      return styles.widthId
    case 'count':
      return styles.widthCount
    default:
      return styles.widthText
  }
}
