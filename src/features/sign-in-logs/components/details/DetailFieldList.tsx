import { makeStyles, tokens } from '@fluentui/react-components'
import { CopyButton } from '../../../../components/CopyButton.tsx'
import { formatSignInDate, type DateDisplay } from '../format-date.ts'
import type { DetailField } from './detail-fields.ts'

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 35%) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  value: {
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    flexWrap: 'wrap',
    wordBreak: 'break-word',
    color: tokens.colorNeutralForeground1,
  },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
})

/** Label/value pairs; every ID and the date get one-click copy (§3.3). Values are text, never HTML. */
export function DetailFieldList({ fields, dates }: { fields: readonly DetailField[]; dates: DateDisplay }) {
  const styles = useStyles()
  return (
    <dl className={styles.list}>
      {fields.map((field) => {
        const shown = field.kind === 'date' ? formatSignInDate(field.value, dates) : (field.value ?? '')
        const copyable = (field.kind === 'id' || field.kind === 'date') && field.value
        return (
          <div key={field.label} style={{ display: 'contents' }}>
            <dt className={styles.term}>{field.label}</dt>
            <dd className={styles.value}>
              <span className={field.kind === 'id' ? styles.id : undefined}>{shown}</span>
              {copyable && <CopyButton value={shown} label={field.label} />}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}

/** §3.3: the pane's "Copy" action copies the current tab as `Label: value` lines. */
export function fieldsAsText(fields: readonly DetailField[], dates: DateDisplay): string {
  return fields
    .map(
      (field) =>
        `${field.label}: ${field.kind === 'date' ? formatSignInDate(field.value, dates) : (field.value ?? '')}`,
    )
    .join('\n')
}
