import { mergeClasses } from '@fluentui/react-components'
import type { ColumnKind } from '../../model/columns.ts'
import { formatSignInDate, type DateDisplay } from '../format-date.ts'
import { useGridStyles } from './grid-styles.ts'

/** Cell text: Graph strings rendered as text (never HTML); empty values blank (§1.3). */
export function GridCellText({
  kind,
  value,
  dates,
}: {
  kind: ColumnKind
  value: string | null
  dates: DateDisplay
}) {
  const styles = useGridStyles()
  if (value === null || value === '') return null
  const text = kind === 'date' ? formatSignInDate(value, dates) : value
  return (
    <span
      className={mergeClasses(
        styles.cellText,
        kind === 'id' && styles.idText,
        kind === 'count' && styles.countText,
      )}
      title={text}
    >
      {text}
    </span>
  )
}
