import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components'
import { leftOutDetail, leftOutSummary, type LeftOutRecord } from '../api/read-records.ts'

const useStyles = makeStyles({
  // The results area is a flex column whose grid takes the rest: a shrunk banner would slide under the grid.
  bar: { flexShrink: 0 },
  details: { marginTop: tokens.spacingVerticalXS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
})

/** Enough lines to act on; a page of 1,000 broken records must not become a 1,000-line banner. */
const MAX_LISTED = 10

/**
 * Records Microsoft Graph sent in a shape this app cannot read (read-records.ts): how many were left out, and per
 * record what was wrong and its request id, so the rest of the page can be trusted and the fault reported.
 */
export function LeftOutRecordsBar({
  leftOut,
  total = leftOut.length,
  noun,
}: {
  leftOut: readonly LeftOutRecord[]
  /** When only the first ones are listed (a download keeps 100): how many were left out in all. */
  total?: number
  noun: { one: string; many: string }
}) {
  const styles = useStyles()
  if (leftOut.length === 0) return null
  const listed = leftOut.slice(0, MAX_LISTED)
  return (
    <MessageBar className={styles.bar} intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{leftOutSummary(total, noun)}</MessageBarTitle>
        {`Microsoft Graph sent ${total === 1 ? 'it' : 'them'} in a shape this app cannot read; everything else is shown.`}
        <details className={styles.details}>
          <summary>What was wrong</summary>
          <ul className={styles.list}>
            {listed.map((record, index) => (
              <li key={`${index}/${record.requestId ?? ''}/${record.position}`}>{leftOutDetail(record)}</li>
            ))}
            {total > listed.length && <li>{`and ${total - listed.length} more`}</li>}
          </ul>
        </details>
      </MessageBarBody>
    </MessageBar>
  )
}

export const signInNoun = { one: 'sign-in', many: 'sign-ins' } as const
export const groupNoun = { one: 'group', many: 'groups' } as const
