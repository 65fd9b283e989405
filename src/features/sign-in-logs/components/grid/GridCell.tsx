import { memo, type ReactNode } from 'react'
import { mergeClasses } from '@fluentui/react-components'
import type { ColumnKind } from '../../model/columns.ts'
import { formatSignInDate, type DateDisplay } from '../format-date.ts'
import { useGridStyles, widthClass } from './grid-styles.ts'

/**
 * One data cell: Graph strings rendered as text (never HTML); empty values blank (§1.3). The text
 * sits directly in the <td> (no wrapper): fewer elements per row is less style/layout work while
 * scrolling 100,000 rows (issue #7).
 */
export const GridCell = memo(function GridCell({
  kind,
  value,
  dates,
}: {
  kind: ColumnKind
  value: string | null
  dates: DateDisplay
}) {
  const styles = useGridStyles()
  const text = value === null || value === '' ? '' : kind === 'date' ? formatSignInDate(value, dates) : value
  return (
    <td
      className={mergeClasses(
        styles.cell,
        widthClass(styles, kind),
        kind === 'id' && styles.idText,
        kind === 'count' && styles.countText,
      )}
      title={text || undefined}
    >
      {text}
    </td>
  )
})

/** One column header, sized like the data cells of its kind so header and virtual rows stay aligned. */
export function GridHeaderCell({ kind, children }: { kind: ColumnKind; children: ReactNode }) {
  const styles = useGridStyles()
  return (
    <th scope="col" className={mergeClasses(styles.headerCell, widthClass(styles, kind))}>
      {children}
    </th>
  )
}
